/**
 * Newsroom templates: VS Code snippets that insert a whole article.
 *
 * Variables. VS Code resolves its own variables (CURRENT_YEAR … CURRENT_TIMEZONE_OFFSET,
 * TM_FILENAME_BASE …) but not ours (MUHARRIR_AUTHOR, _DATELINE, _TITLE, _SLUG, _DATE,
 * _HIJRI_DATE, _GREGORIAN_DATE, _WEEKDAY). An unknown variable *without* a default is inserted by
 * VS Code as its own name, in a placeholder; one *with* a default is inserted as that default.
 * Hence the rule for the built-ins, which VS Code reads straight from `contributes.snippets`:
 * they use VS Code variables and placeholders, and a MUHARRIR_ variable only with a default,
 * inside a placeholder — `${3:${MUHARRIR_AUTHOR:فريق التحرير}}` — so that VS Code offers the
 * default, while the language server (for other editors) and the New Article command, which
 * resolve every variable with `newsroomVariables` before inserting, offer the writer's name.
 * Date-dependent MUHARRIR_ values (Hijri date, weekday) have no sensible fixed default, so only
 * packs inserted through the server or the command use them.
 *
 * Pure: no file system. The snippet files are read (or bundled) by the front ends.
 */
export type { Template, TemplatePack, NewsGenre } from './types';
export { NEWS_GENRES } from './types';
export {
  parseSnippet,
  resolveVariables,
  fillDefaults,
  escapeSnippetText,
  tabStops,
  walkSnippet,
  VSCODE_VARIABLES,
  MUHARRIR_VARIABLE_PREFIX,
  type SnippetNode,
  type TextNode,
  type TabStopNode,
  type ChoiceNode,
  type VariableNode,
  type Transform,
  type SnippetVariables,
} from './snippetSyntax';
export { newsroomVariables, MUHARRIR_VARIABLES, type NewsroomVariableOptions } from './variables';
export { slugify, type SlugOptions } from './slug';
export { templatesFromSnippets, type SnippetFileProblem, type SnippetFileOptions } from './snippetFile';
export { builtinTemplates, BUILTIN_PREFIXES, BUILTIN_SNIPPETS_PATH } from './builtins';
export {
  parsePack,
  packClashes,
  oversizedPack,
  prefixKey,
  MAX_PACK_BYTES,
  MAX_PACK_SNIPPETS,
  type ParsedPack,
  type PackMeta,
  type PackProblem,
  type PackProblemCode,
  type PackPrefix,
  type PackOptions,
} from './pack';
