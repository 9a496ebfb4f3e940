#!/usr/bin/env bash
# The screenshots of docs/editors.md, made headless and reproducibly: Neovim (Debian's package,
# its built-in LSP client, no plugin) and, when installed, Emacs with eglot edit a copy of
# examples/link-bound.sat in tmux while `satc lsp` serves it; each screen is captured with its
# colours (tmux capture-pane -e), turned into HTML (ansi-to-html.py) and photographed by
# headless Chromium; Kate, a desktop program, runs under Xvfb and is photographed there. Needs
# nvim, tmux, python3, node and chromium (apt-get install neovim tmux nodejs chromium; for
# Emacs: emacs-nox elpa-eglot; for Kate: kate xvfb xdotool imagemagick).
#   tools/editors/screenshots.sh [OUT_DIR]     (default: docs/images)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/docs/images}"
mkdir -p "$out"
work=$(mktemp -d)
session="satc-shots-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/satc" --version > /dev/null   # build first, so the server starts at once
# The worker's memory is given as a rate: the diagnostic the first screenshot shows.
sed 's/memory = 512 MB/memory = 512 Mbps/' "$root/examples/link-bound.sat" > "$work/link-bound.sat"
nvim_version=$(nvim --version | head -1)

keys() { tmux send-keys -t "$session" "$@"; }
shot() { # NAME TITLE
  tmux capture-pane -t "$session" -p -e > "$work/$1.ans"
  python3 "$root/tools/editors/ansi-to-html.py" "$work/$1.ans" "$2" > "$work/$1.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,660 \
    --screenshot="$out/$1.png" "file://$work/$1.html" 2> /dev/null
  echo "wrote $out/$1.png"
}
wait_for() { # TEXT: until the screen shows it (30 s at most)
  for _ in $(seq 150); do
    tmux capture-pane -t "$session" -p | grep -qF -- "$1" && return 0
    sleep 0.2
  done
  echo "screenshots.sh: the screen never showed: $1" >&2
  tmux capture-pane -t "$session" -p >&2
  exit 1
}

cd "$work"
tmux new-session -d -s "$session" -x 136 -y 36 \
  "SATC='$root/satc' TERM=xterm-256color nvim -u '$root/tools/editors/nvim-init.lua' link-bound.sat"
wait_for 'expects data, found a rate'
keys ':21' Enter
keys ':lua vim.diagnostic.open_float()' Enter
wait_for 'help: Use a data unit'
shot nvim-diagnostics "$nvim_version, built-in LSP client + satc lsp: a diagnostic as you type (tmux capture)"

# Fix the unit: the diagnostic goes once the debounced analysis has run; then hover on a satellite.
keys Escape ':21' Enter '0' '/Mbps' Enter 'cw' 'MB' Escape
sleep 2
keys ':25' Enter '0' '/worker' Enter
for _ in $(seq 30); do   # the plan is made in the background: hover until it is there
  keys ':lua vim.lsp.buf.hover()' Enter
  sleep 0.5
  tmux capture-pane -t "$session" -p | grep -qF 'free memory' && break
  keys Escape
done
wait_for 'free memory'
shot nvim-hover "$nvim_version + satc lsp: hover on a satellite, its free memory under the current plan (tmux capture)"

# Completion of a unit on a line being typed (the file does not parse meanwhile).
keys Escape ':22' Enter 'o' '  satellite spare { compute = 1 TFLOPS; memory = 64 ' C-x C-o
wait_for 'Unit data'
shot nvim-completion "$nvim_version + satc lsp: completing a unit; data units first, as memory is data (tmux capture)"
keys Escape ':qa!' Enter

# Emacs (Debian 12's Emacs 28 with its elpa-eglot package; eglot is built into Emacs 29+), when
# installed: apt-get install emacs-nox elpa-eglot.
if command -v emacs > /dev/null && [ -d /usr/share/emacs/site-lisp/elpa/eglot-* ] 2> /dev/null; then
  emacs_version=$(emacs --version | head -1)
  sed 's/memory = 512 MB/memory = 512 Mbps/' "$root/examples/link-bound.sat" > "$work/link-bound.sat"
  tmux kill-session -t "$session" 2> /dev/null || true
  tmux new-session -d -s "$session" -x 136 -y 36 \
    "SATC='$root/satc' TERM=xterm-256color emacs -nw -q -l '$root/tools/editors/emacs-init.el' link-bound.sat"
  wait_for 'Flymake[1 0]'
  keys M-g g 21 Enter M-x flymake-show-buffer-diagnostics Enter
  wait_for 'SATC3003'
  shot emacs-diagnostics "$emacs_version, eglot + satc lsp: Flymake's list of the buffer's diagnostics (tmux capture)"
  keys C-x 1 C-s Mbps Enter M-BSpace
  keys -l 'MB'
  wait_for 'Flymake[0 0]'
  keys M-g g 25 Enter C-s worker Enter C-b
  for _ in $(seq 30); do   # the plan is made in the background
    keys C-h .
    sleep 0.5
    tmux capture-pane -t "$session" -p | grep -qF 'free memory' && break
    keys C-x 1
  done
  wait_for 'free memory'
  shot emacs-hover "$emacs_version, eglot + satc lsp: the hover of a satellite in eldoc's buffer (tmux capture)"
  keys C-x C-c
  sleep 0.5
  keys -l 'n'
  keys -l 'yes'
  keys Enter
fi

# Kate (Debian 12's 22.12, its LSP Client plugin) under Xvfb, when installed: apt-get install kate
# xvfb xdotool imagemagick. Kate 22.12 matches servers by highlighting mode, so the mission gets
# tools/editors/satc.xml's; a fresh HOME holds the LSP settings and the approval of the command
# (Kate asks before starting a server). The pointer positions fit the window and fonts here.
if command -v kate > /dev/null && command -v Xvfb > /dev/null && command -v xdotool > /dev/null \
    && command -v import > /dev/null; then
  home="$work/kate-home"
  mkdir -p "$home/.local/share/org.kde.syntax-highlighting/syntax" "$home/.config/kate/lspclient" "$work/run"
  chmod 700 "$work/run"
  cp "$root/tools/editors/satc.xml" "$home/.local/share/org.kde.syntax-highlighting/syntax/"
  printf '{ "servers": { "satc": { "command": ["%s", "lsp"], "highlightingModeRegex": "^satc$" } } }\n' \
    "$root/satc" > "$home/.config/kate/lspclient/settings.json"
  printf '[Kate Plugins]\nlspclientplugin=true\n\n[lspclient]\nAllowedServerCommandLines=%s lsp\n\n[MainWindow]\n%s\n%s\n' \
    "$root/satc" '1300x820 screen: Height=800' '1300x820 screen: Width=1280' > "$home/.config/katerc"
  sed 's/memory = 512 MB/memory = 512 Mbps/' "$root/examples/link-bound.sat" > "$work/link-bound.sat"
  display=":$((90 + $$ % 9))"
  Xvfb "$display" -screen 0 1300x820x24 > /dev/null 2>&1 &
  xvfb=$!
  sleep 2
  (cd "$work" && HOME="$home" XDG_RUNTIME_DIR="$work/run" DISPLAY="$display" QT_QPA_PLATFORM=xcb \
    kate -n -qwindowgeometry 1280x800+0+0 link-bound.sat > /dev/null 2>&1 &)
  sleep 30   # Kate starts, then the server analyses the mission
  for w in $(DISPLAY="$display" xdotool search --onlyvisible --class kate); do   # no window manager: size it
    DISPLAY="$display" xdotool windowmove "$w" 0 0 windowsize "$w" 1280 800
  done
  sleep 2
  DISPLAY="$display" xdotool mousemove 254 788 click 1   # the LSP tool view: Diagnostics
  sleep 2
  DISPLAY="$display" xdotool mousemove 231 504           # over `worker` in line 24: hover
  sleep 3
  DISPLAY="$display" import -window root "$out/kate-diagnostics-hover.png"
  echo "wrote $out/kate-diagnostics-hover.png"
  pkill -f "kate -n -qwindowgeometry 1280x800+0+0 link-bound.sat" || true
  kill "$xvfb" 2> /dev/null || true
fi

# VS Code cannot run here, so no picture of it: instead, a page of what its problem matcher
# reads from `satc check`, computed in Node by the matcher of the tasks.json init-editor writes
# (the same script ProblemMatcherTest runs).
"$root/satc" init-editor --satc "$root/satc" "$work/project" > /dev/null
examples=(wrong-dimension-memory-rate unknown-node-typo syntax-recovery-many unreachable-satellite)
outs=()
for e in "${examples[@]}"; do
  (cd "$root" && ./satc check --color=never "examples/errors/$e.sat" > "$work/$e.out" 2> /dev/null || true)
  outs+=("$work/$e.out")
done
node "$root/compiler/src/test/resources/io/satc/compiler/cli/problem-matcher.js" \
  "$work/project/.vscode/tasks.json" "${outs[@]}" > "$work/problems.json"
python3 - "$work/problems.json" > "$work/problems.html" <<'PY'
import html, json, sys
rows = [p for out in json.load(open(sys.argv[1])) for p in out]
print('<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
      'body{font:14px sans-serif;margin:16px;background:#fff;color:#222}'
      'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}'
      'th{background:#eee}.error{color:#b00}.warning{color:#a60}code{font:13px monospace}</style></head><body>'
      '<h3>What VS Code\'s problem matcher reads from <code>satc check</code></h3>'
      '<p>Not a VS Code screenshot: the <code>problemMatcher</code> of the <code>.vscode/tasks.json</code> that '
      '<code>satc init-editor</code> writes, applied by Node to the output of <code>satc check</code> as VS Code applies it '
      '(<code>new RegExp(regexp)</code> on each line). Each row is one entry of the Problems panel.</p>'
      '<table><tr><th>file</th><th>line</th><th>column</th><th>severity</th><th>code</th><th>message</th></tr>')
for p in rows:
    print('<tr><td><code>%s</code></td><td>%d</td><td>%d</td><td class="%s">%s</td><td><code>%s</code></td><td>%s</td></tr>'
          % (html.escape(p['file']), p['line'], p['column'], p['severity'], p['severity'], p['code'], html.escape(p['message'])))
print('</table></body></html>')
PY
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,560 \
  --screenshot="$out/vscode-problem-matcher.png" "file://$work/problems.html" 2> /dev/null
echo "wrote $out/vscode-problem-matcher.png"
