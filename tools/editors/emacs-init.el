;;; emacs-init.el --- eglot talking to `satc lsp', as docs/editors.md shows it.
;; Emacs 29+ has eglot built in; on Debian 12's Emacs 28 it comes from the elpa-eglot package.
;; SATC is the satc command; tools/editors/screenshots.sh sets it.
(package-initialize)
(require 'eglot)
(setq inhibit-startup-screen t
      native-comp-async-report-warnings-errors 'silent
      warning-minimum-level :error)
(define-derived-mode satc-mode prog-mode "satc"
  "Mission files of satc."
  (setq-local comment-start "# "))
(add-to-list 'auto-mode-alist '("\\.sat\\'" . satc-mode))
(add-to-list 'eglot-server-programs `(satc-mode ,(or (getenv "SATC") "satc") "lsp"))
(add-hook 'satc-mode-hook #'eglot-ensure)
