/**
 * Tokenizes Markdown the way VS Code does: its own Markdown and YAML grammars (vendored in
 * test/fixtures/grammar/vendor/), with Muharrir's grammars injected as scripts/gen-grammar.ts
 * declares them (grammar.test.ts checks package.json contributes the same), through
 * vscode-textmate and vscode-oniguruma, the engine vscode-tmgrammar-test drives.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';
import { GRAMMARS, type GrammarEntry } from '../../scripts/gen-grammar';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'grammar');
const VENDOR = join(FIXTURES, 'vendor');

/** The two generations of VS Code's YAML grammar that reach into Markdown frontmatter. */
export const EDITORS = {
  /** VS Code 1.139 (code-server 4.139.1): RedCMD's YAML grammars. */
  'vscode-1.139': {
    'text.html.markdown': 'vscode-1.139/markdown.tmLanguage.json',
    'source.yaml': 'vscode-1.139/yaml.tmLanguage.json',
    'source.yaml.1.2': 'vscode-1.139/yaml-1.2.tmLanguage.json',
    'source.yaml.1.3': 'vscode-1.139/yaml-1.3.tmLanguage.json',
    'source.yaml.embedded': 'vscode-1.139/yaml-embedded.tmLanguage.json',
  },
  /** VS Code 1.93 (engines.vscode's floor): the TextMate bundle's YAML grammar. */
  'vscode-1.93': {
    'text.html.markdown': 'vscode-1.139/markdown.tmLanguage.json',
    'source.yaml': 'vscode-1.93/yaml.tmLanguage.json',
  },
} as const;
export type Editor = keyof typeof EDITORS;

export interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let onig: Promise<tm.IOnigLib> | undefined;

export function onigLib(): Promise<tm.IOnigLib> {
  onig ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onig;
}

/**
 * The registry: vendored grammars by scope, ours from `entries` (the generator's list by default).
 * Grammars Markdown embeds that are not vendored (HTML, CSS, code blocks) are left out, as in an
 * editor without them: they colour nothing Muharrir looks at.
 */
export function registry(editor: Editor, entries: readonly GrammarEntry[] = GRAMMARS): tm.Registry {
  const files: Record<string, string> = {};
  for (const [scope, file] of Object.entries(EDITORS[editor])) files[scope] = join(VENDOR, file);
  const injections: Record<string, string[]> = {};
  for (const g of entries) {
    files[g.scopeName] = join(ROOT, g.path);
    for (const target of g.injectTo) (injections[target] ??= []).push(g.scopeName);
  }
  return new tm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      return file ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // As VS Code does: a grammar injected into `text.html` reaches `text.html.markdown` too.
    getInjections: (scopeName) => {
      const parts = scopeName.split('.');
      const out: string[] = [];
      for (let i = 1; i <= parts.length; i++) out.push(...(injections[parts.slice(0, i).join('.')] ?? []));
      return out;
    },
  });
}

const grammars = new Map<string, Promise<tm.IGrammar>>();

export function markdownGrammar(editor: Editor): Promise<tm.IGrammar> {
  let g = grammars.get(editor);
  if (!g) {
    g = registry(editor)
      .loadGrammar('text.html.markdown')
      .then((x) => {
        if (!x) throw new Error('the Markdown grammar did not load');
        return x;
      });
    grammars.set(editor, g);
  }
  return g;
}

/** Every token of a document, line by line, with its scopes (outermost first). */
export function tokenize(grammar: tm.IGrammar, text: string): Token[][] {
  const out: Token[][] = [];
  let state = tm.INITIAL;
  text.split(/\r?\n/).forEach((line, n) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    out.push(
      r.tokens.map((t) => ({
        line: n,
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    );
  });
  return out;
}
