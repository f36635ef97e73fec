// Snippet files are JSON under VS Code's own extension; esbuild bundles them when imported
// `with { type: 'json' }`. What they hold is checked by templatesFromSnippets, hence unknown.
declare module '*.code-snippets' {
  const snippets: unknown;
  export default snippets;
}
