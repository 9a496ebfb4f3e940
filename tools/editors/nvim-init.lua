-- Neovim's built-in LSP client talking to `satc lsp`, as docs/editors.md shows it, in the
-- form Debian's Neovim 0.7 understands (0.8 and later: vim.lsp.start, see the docs).
-- SATC is the satc command; tools/editors/screenshots.sh sets it.
vim.g.do_filetype_lua = 1 -- 0.7 only: Lua filetype detection is opt-in there
vim.filetype.add({ extension = { sat = 'satc' } })
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.opt.termguicolors = true
vim.opt.hlsearch = false
vim.opt.completeopt = 'menuone'
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'satc',
  callback = function(args)
    local id = vim.lsp.start_client({ name = 'satc', cmd = { os.getenv('SATC') or 'satc', 'lsp' },
                                      root_dir = vim.fn.getcwd() })
    vim.lsp.buf_attach_client(args.buf, id)
    vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
  end,
})
