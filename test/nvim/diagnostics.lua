-- Headless Neovim as a second real editor: start muharrir-language-server over stdio the way a
-- Neovim user's config would, open an article, wait for pushed diagnostics and write them out.
-- Paths come from the environment (set by nvim.test.ts).
local node = os.getenv('MUHARRIR_NODE')
local server = os.getenv('MUHARRIR_SERVER')
local root = os.getenv('MUHARRIR_WORKSPACE')
local article = os.getenv('MUHARRIR_ARTICLE')
local out = os.getenv('MUHARRIR_OUT')

local function finish(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    name = 'muharrir',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    -- Neovim 0.7 does not advertise workspace/configuration, so settings travel in
    -- initializationOptions: this proves they reach the server from a real editor.
    init_options = { settings = { locale = 'ar' } },
  })
  if not id then
    error('vim.lsp.start_client returned nil')
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'
  vim.lsp.buf_attach_client(buf, id)

  local got = vim.wait(15000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(diagnostics, {
      lnum = d.lnum,
      col = d.col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
      href = (lsp.codeDescription or {}).href,
    })
  end

  finish({ waited = got, diagnostics = diagnostics })
end)

if not ok then
  finish({ error = tostring(err) })
end
