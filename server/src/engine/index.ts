/**
 * The Muharrir engine: pure analysis of one article at a time. No vscode, no LSP, no file system:
 * the language server, the CLI and the tests all call these functions with text and a config.
 */
export { lint, severityOf, chooseTimeZone, frontmatterUsable, type LintOptions, type LintResult, type ClockWindow } from './lint';
export {
  articleSummary,
  readingMinutes,
  WORDS_PER_MINUTE,
  DEFAULT_STATUS,
  type ArticleSummary,
  type ChecklistItem,
  type ChecklistId,
  type DeskDiagnostic,
} from './desk';
export { applyEdits, fixAll, safeFixEdits } from './fixes';
export { parseArticle, type ArticleDocument } from './document';
export { parseFrontmatter, getEntry, isEmptyValue, type FmNode, type FmMap, type FmEntry, type Frontmatter } from './frontmatter';
export { LineIndex } from './lines';
export {
  loadConfig,
  defaultConfig,
  DEFAULT_ARTICLE_GLOBS,
  type ResolvedConfig,
  type ConfigHost,
  type ConfigProblem,
  type RegistrySource,
} from './config';
export { defaultProfile, STATUSES, SOURCE_TYPES, SOURCE_KEYS, DATE_FIELDS, type Profile, type FieldSpec } from './profile';
export {
  parseDateTime,
  isDateProblem,
  toInstant,
  formatInstant,
  offsetFor,
  describeInstant,
  type TimeZoneChoice,
} from './dates';
export { isArticle } from './article';
export { matchesAny, globToRegExp } from './glob';
export { sourceLineNames, bodyLines, firstHeading, type BodyLine } from './body';
export { yamlScalar, letterLength, didYouMean } from './text';
export { RULES, RULE_IDS, ruleById } from '../rules';
export type { Rule, RuleMeta } from './rule';
export type * from './types';

/** Where each rule's page lives; the diagnostic's `codeDescription.href` and SARIF `helpUri`. */
export const DOCS_BASE = 'https://github.com/muharrir/muharrir/blob/main/docs/rules/';

export function ruleDocsUrl(rule: string): string {
  return `${DOCS_BASE}${rule}.md`;
}
