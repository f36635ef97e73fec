import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import builtinSnippetFile from '../../../snippets/news.code-snippets' with { type: 'json' };
import { chooseTimeZone, parseArticle } from '../engine';
import { builtinTemplates, fillDefaults, newsroomVariables, resolveVariables, type Template, type TemplatePack } from '../engine/templates';
import type { ConfigStore } from './configs';
import { guard } from './guard';
import type { SettingsStore } from './settings';
import { isMarkdown, uriToPath, type Workspace } from './workspace';

/** The New Article command's question: every template, variables resolved for the new file. */
export const TEMPLATES_REQUEST = 'muharrir/templates';

export interface TemplatesParams {
  /** The file the article will be; its folder decides the config and settings. */
  uri?: string;
  title?: string;
  dateline?: string;
}

export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
  prefixes: string[];
  pack?: TemplatePack;
  genre?: string;
  /** The snippet with every variable the server knows resolved: for a snippet-capable inserter. */
  body: string;
  /** The article as it reads with every default accepted. */
  text: string;
}

/** Where templates come from: the built-ins here; team packs add their own provider (lsp/packs.ts). */
export type TemplateProvider = (uri: string | undefined) => readonly Template[] | Promise<readonly Template[]>;

const BUILTINS: readonly Template[] = builtinTemplates(builtinSnippetFile);
export const builtinProvider: TemplateProvider = () => BUILTINS;

/**
 * VS Code reads the built-ins from `contributes.snippets`; offering them again would list each
 * twice. Pack templates it cannot know statically, so every client gets those from the server.
 */
export function isVsCodeClient(initializationOptions: unknown): boolean {
  return (initializationOptions as { client?: unknown } | null | undefined)?.client === 'vscode';
}

export interface TemplateSupport {
  /** Template completions for a position (none inside an article that has frontmatter). */
  complete(params: CompletionParams): Promise<CompletionItem[]>;
}

export function registerTemplateSupport(
  connection: Connection,
  workspace: Workspace,
  settings: SettingsStore,
  configs: ConfigStore,
  init: InitializeParams,
  providers: readonly TemplateProvider[] = [builtinProvider],
): TemplateSupport {
  const log = connection.console;
  const offerBuiltins = !isVsCodeClient(init.initializationOptions);
  const snippets = !!init.capabilities?.textDocument?.completion?.completionItem?.snippetSupport;
  const markdown = (init.capabilities?.textDocument?.completion?.completionItem?.documentationFormat ?? ['markdown']).includes(MarkupKind.Markdown);

  // One failing source (a pack folder gone wrong) costs its own templates, not everyone's.
  const templatesFor = async (uri: string | undefined): Promise<Template[]> => {
    const lists = await Promise.all(providers.map((p) => guard(log, 'template provider', [] as Template[], async () => [...(await p(uri))])()));
    return lists.flat();
  };

  /** Values for the variables, in the zone and with the author that apply to `uri`. */
  const variablesFor = async (uri: string | undefined, extra: { title?: string; dateline?: string } = {}) => {
    const folder = uri ? workspace.folderForUri(uri) : workspace.folders[0];
    const s = await settings.forScope(folder?.uri);
    // Without a file (yet), the first folder's config applies, as for an untitled buffer.
    const { config } = configs.forDocument(uri ?? 'untitled:article');
    const timeZone = chooseTimeZone(parseArticle(''), config);
    const file = uri ? (uriToPath(uri) ?? decodeURIComponent(uri.split(/[?#]/)[0])) : undefined;
    return {
      enabled: s.enable,
      vars: newsroomVariables({ now: new Date(), timeZone, author: s.author, file, ...extra }),
    };
  };

  connection.onRequest(
    TEMPLATES_REQUEST,
    guard(log, TEMPLATES_REQUEST, { templates: [] as TemplateInfo[] }, async (raw: unknown) => {
      const params = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const uri = str(params.uri);
      const { vars } = await variablesFor(uri, { title: str(params.title), dateline: str(params.dateline) });
      const templates = (await templatesFor(uri)).map(
        (t): TemplateInfo => ({
          id: t.id,
          name: t.name,
          description: t.description,
          prefixes: [...t.prefixes],
          ...(t.pack ? { pack: t.pack } : {}),
          ...(t.genre ? { genre: t.genre } : {}),
          body: resolveVariables(t.body, vars),
          text: fillDefaults(t.body, vars),
        }),
      );
      return { templates };
    }),
  );

  return {
    async complete(params) {
      const document = workspace.documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document)) return [];
      // A position past the end of a line or of the document is taken as that end: the edit must stay inside.
      const position = document.positionAt(document.offsetAt(params.position));
      const spot = templateSpot(document, { ...params, position });
      if (!spot) return [];
      const { enabled, vars } = await variablesFor(document.uri);
      if (!enabled) return [];
      const items: CompletionItem[] = [];
      const all = (await templatesFor(document.uri)).filter((t) => offerBuiltins || t.pack);
      all.forEach((t, i) => {
        const matching = spot.word === '' ? t.prefixes.slice(0, 1) : t.prefixes.filter((p) => p.toLowerCase().startsWith(spot.word.toLowerCase()));
        for (const prefix of matching) {
          const text = fillDefaults(t.body, vars);
          items.push({
            label: prefix,
            kind: CompletionItemKind.Snippet,
            detail: t.pack ? `${t.name} · ${t.pack.name}` : t.name,
            documentation: markdown
              ? { kind: MarkupKind.Markdown, value: `${t.description}\n\n\`\`\`markdown\n${text.replace(/`{3,}/g, '``')}\n\`\`\`` }
              : t.description,
            filterText: prefix,
            sortText: String(i).padStart(4, '0'),
            insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            textEdit: {
              range: { start: { line: position.line, character: 0 }, end: position },
              newText: snippets ? resolveVariables(t.body, vars) : text,
            },
          });
        }
      });
      return items;
    },
  };
}

/**
 * Where a template may go: a Markdown document without frontmatter, on a line with nothing but the
 * word being typed and only blank lines above it (the template brings the frontmatter, which must
 * open the file). An empty document offers every template when completion is asked for.
 */
function templateSpot(document: TextDocument, params: CompletionParams): { word: string } | undefined {
  const text = document.getText();
  if (/^\uFEFF?---[ \t]*(\r?\n|$)/.test(text)) return undefined;
  const { line, character } = params.position;
  const lineStart = document.offsetAt({ line, character: 0 });
  const cursor = document.offsetAt(params.position);
  if (cursor - lineStart !== character) return undefined;
  if (text.slice(0, lineStart).trim() !== '') return undefined;
  const lineEnd = document.offsetAt({ line: line + 1, character: 0 });
  if (text.slice(cursor, lineEnd).trim() !== '') return undefined;
  const word = text.slice(lineStart, cursor).trim();
  if (/\s/.test(word)) return undefined;
  if (word === '') {
    const asked = params.context?.triggerKind === undefined || params.context.triggerKind === CompletionTriggerKind.Invoked;
    return asked && text.trim() === '' ? { word } : undefined;
  }
  return { word };
}

/**
 * A connection whose `onCompletion` also answers with template items. LSP allows one handler per
 * method, and frontmatter completion owns it; this lets both features keep their own module.
 */
export function withTemplateCompletions(connection: Connection, templates: TemplateSupport): Connection {
  type Handler = Parameters<Connection['onCompletion']>[0];
  const onCompletion = (handler: Handler) =>
    connection.onCompletion(async (params, token, workDone, partial) => {
      const [own, other] = await Promise.all([
        guard(connection.console, 'template completion', [] as CompletionItem[], () => templates.complete(params))(),
        handler(params, token, workDone, partial),
      ]);
      return merge(own, other as CompletionItem[] | CompletionList | null | undefined);
    });
  return new Proxy(connection, {
    get: (target, prop, receiver) => (prop === 'onCompletion' ? onCompletion : Reflect.get(target, prop, receiver)),
  });
}

function merge(own: CompletionItem[], other: CompletionItem[] | CompletionList | null | undefined): CompletionItem[] | CompletionList {
  if (!other) return own;
  if (Array.isArray(other)) return own.length ? [...own, ...other] : other;
  return own.length ? { ...other, items: [...own, ...other.items] } : other;
}
