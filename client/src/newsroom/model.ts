// The Newsroom view's content as data: which rows it shows, in which groups and order, with which
// words — everything but the drawing. Pure (no vscode): view.ts turns these rows into TreeItems,
// and the tests read them as the editor would show them.
import { deskOrder, type DeskArticle, type DeskResult, type DiagnosticsScope } from '../../../server/src/lsp/deskProtocol';
import { badgesOf, countOf, countsText, escapeMarkdown, statusName, STATUS_ORDER, t, type Badge, type Locale } from './labels';

export type GroupBy = 'status' | 'section';

export interface DeskFilter {
  /** Only articles with at least one error. */
  onlyErrors: boolean;
  /** Only articles with a checklist item not done. */
  onlyNotReady: boolean;
  /** Text the headline or the path must contain (diacritics, tatweel and case ignored); empty: any. */
  text: string;
}

export const NO_FILTER: DeskFilter = { onlyErrors: false, onlyNotReady: false, text: '' };

export function isFiltered(f: DeskFilter): boolean {
  return f.onlyErrors || f.onlyNotReady || f.text.trim() !== '';
}

/** Every checklist item done. */
export function isReady(a: DeskArticle): boolean {
  return a.checklist.every((c) => c.ok);
}

/** Arabic short vowels and other marks, the dagger alif, and tatweel: what a search should see through. */
const IGNORED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** How a headline or path is compared with the typed filter. */
export function searchKey(s: string): string {
  return s.normalize('NFC').replace(IGNORED, '').toLocaleLowerCase('en-US');
}

export function filterArticles(articles: readonly DeskArticle[], f: DeskFilter): DeskArticle[] {
  const needle = searchKey(f.text.trim());
  return articles.filter(
    (a) =>
      (!f.onlyErrors || a.counts.errors > 0) &&
      (!f.onlyNotReady || !isReady(a)) &&
      (needle === '' || searchKey(a.title ?? '').includes(needle) || searchKey(a.path).includes(needle)),
  );
}

/** The headline, else the file's name. */
export function articleLabel(a: DeskArticle): string {
  return a.title || fileName(a.path);
}

function fileName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export interface ArticleGroup {
  /** The status or section; null: none known. */
  key: string | null;
  label: string;
  tooltip?: string;
  articles: DeskArticle[];
}

/**
 * Articles by status (the four of DESIGN §2 in their order, then a newsroom's own, then "no
 * status") or by section (by name, then "no section"); empty groups are left out. Inside a group,
 * by headline, then path.
 */
export function groupArticles(articles: readonly DeskArticle[], by: GroupBy, locale: Locale): ArticleGroup[] {
  const collator = new Intl.Collator(locale);
  const byKey = new Map<string | null, DeskArticle[]>();
  for (const a of articles) {
    const key = by === 'status' ? a.status : a.section?.trim() || null;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(a);
  }
  const rank = (key: string | null): number => {
    if (key === null) return Number.MAX_SAFE_INTEGER;
    const i = by === 'status' ? STATUS_ORDER.indexOf(key) : -1;
    return i === -1 ? STATUS_ORDER.length : i;
  };
  const keys = [...byKey.keys()].sort((a, b) => rank(a) - rank(b) || collator.compare(a ?? '', b ?? ''));
  return keys.map((key) => ({
    key,
    label: by === 'status' ? statusName(key, locale) : key ?? t('noSection', locale),
    ...(by === 'status' && key === null ? { tooltip: t('noStatusTooltip', locale) } : {}),
    articles: byKey
      .get(key)!
      .slice()
      .sort((a, b) => collator.compare(articleLabel(a), articleLabel(b)) || collator.compare(a.path, b.path)),
  }));
}

// --- rows -------------------------------------------------------------------------------------

export type DeskRow =
  | { kind: 'scopeOffer'; label: string; description: string; tooltip: string }
  | { kind: 'notice'; label: string; tooltip?: string; showOutput: boolean }
  | { kind: 'group'; id: string; label: string; description: string; tooltip: string; rows: ArticleRow[] }
  | ArticleRow;

export interface ArticleRow {
  kind: 'article';
  id: string;
  uri: string;
  label: string;
  /** Problem counts, then badges: "2 errors · 1 warning · no sources". */
  description: string;
  /** Markdown. */
  tooltip: string;
  /** The codicon of the row: its worst severity, or whether it is ready. */
  icon: 'error' | 'warning' | 'info' | 'pass' | 'circle-large-outline';
  badges: Badge[];
  checklist: ChecklistRow[];
}

export interface ChecklistRow {
  kind: 'check';
  id: string;
  ok: boolean;
  /** "✓ Sources listed" / "✗ التاريخ…". */
  label: string;
  tooltip: string;
}

export interface DeskView {
  rows: DeskRow[];
  /** Beside the view's title: how many articles are listed. */
  description: string;
  /** Above the rows: the scan's progress, the filters in use. */
  message: string;
}

export interface DeskState {
  result?: DeskResult;
  /** The request failed (no server, an old server): why. */
  error?: string;
  /** The scope as configured, used until the server has answered. */
  scope: DiagnosticsScope;
  groupBy: GroupBy;
  filter: DeskFilter;
  locale: Locale;
}

/** Everything the view shows for a state of the desk. */
export function deskView(s: DeskState): DeskView {
  const { locale } = s;
  const rows: DeskRow[] = [];
  const scope = s.result?.scope ?? s.scope;
  if (scope === 'openFiles') {
    rows.push({
      kind: 'scopeOffer',
      label: t('scopeOffer', locale),
      description: t('scopeOfferDescription', locale),
      tooltip: t('scopeOfferTooltip', locale),
    });
  }
  if (s.error !== undefined) {
    rows.push({ kind: 'notice', label: t('unavailable', locale, s.error), tooltip: t('showOutput', locale), showOutput: true });
    return { rows, description: '', message: '' };
  }
  const all = s.result?.articles ?? [];
  const shown = filterArticles(all, s.filter);
  for (const g of groupArticles(shown, s.groupBy, locale)) {
    const articleRows = g.articles.map((a) => articleRow(a, locale));
    rows.push({
      kind: 'group',
      id: `${s.groupBy}:${g.key ?? ''}`,
      label: g.label,
      description: String(g.articles.length),
      tooltip: [g.tooltip, countOf('articles', g.articles.length, locale)].filter(Boolean).join('\n\n'),
      rows: articleRows,
    });
  }
  const filtered = isFiltered(s.filter);
  if (filtered && shown.length === 0 && all.length > 0) rows.push({ kind: 'notice', label: t('nothingMatches', locale), showOutput: false });

  const messages: string[] = [];
  const r = s.result;
  if (!r) messages.push(t('loading', locale));
  else if (!r.complete && r.scope === 'workspace') messages.push(t('scanning', locale, r.scanned, r.total));
  if (filtered) messages.push(t('filtered', locale, filterWords(s.filter, locale)));
  const description = !r ? '' : filtered ? t('shownOf', locale, shown.length, all.length) : countOf('articles', all.length, locale);
  return { rows, description, message: messages.join(' — ') };
}

function filterWords(f: DeskFilter, locale: Locale): string {
  const words: string[] = [];
  if (f.onlyErrors) words.push(t('filterErrors', locale));
  if (f.onlyNotReady) words.push(t('filterNotReady', locale));
  if (f.text.trim()) words.push(t('filterText', locale, f.text.trim()));
  return words.join(locale === 'ar' ? '، ' : ', ');
}

export function articleRow(a: DeskArticle, locale: Locale): ArticleRow {
  const badges = badgesOf(a, locale);
  const ready = isReady(a);
  const c = a.counts;
  const icon = c.errors ? 'error' : c.warnings ? 'warning' : c.infos ? 'info' : ready ? 'pass' : 'circle-large-outline';
  const tooltip = [
    `**${escapeMarkdown(articleLabel(a))}**`,
    `\`${escapeCode(a.path)}\``,
    countsText(c, locale),
    ...badges.map((b) => `$(${b.icon}) ${b.explanation}`),
    ready ? `$(pass) ${t('ready', locale)}` : `$(circle-large-outline) ${t('notReady', locale)}`,
  ];
  return {
    kind: 'article',
    id: a.uri,
    uri: a.uri,
    label: articleLabel(a),
    description: [countsText(c, locale), ...badges.map((b) => b.label)].join(' · '),
    tooltip: tooltip.join('\n\n'),
    icon,
    badges,
    checklist: a.checklist.map((item) => ({
      kind: 'check',
      id: `${a.uri}#${item.id}`,
      ok: item.ok,
      label: `${item.ok ? '\u2713' : '\u2717'} ${item.label[locale]}`,
      tooltip: `${item.label[locale]}: ${t(item.ok ? 'checklistOk' : 'checklistNo', locale)}`,
    })),
  };
}

function escapeCode(s: string): string {
  return s.replace(/`/g, '\u2018');
}

/** The desk the client holds: every article by uri, and the answer it was last brought up to date by. */
export interface HeldDesk {
  byUri: ReadonlyMap<string, DeskArticle>;
  /** The answer as the whole desk (articles in the desk's order, no delta). */
  result: DeskResult;
}

/** The desk after the server's answer: the whole desk it sent, or what was held with its changes applied. */
export function applyDesk(held: HeldDesk | undefined, answer: DeskResult): HeldDesk {
  let byUri: Map<string, DeskArticle>;
  if (answer.delta && held) {
    byUri = new Map(held.byUri);
    for (const uri of answer.removed ?? []) byUri.delete(uri);
    for (const a of answer.articles) byUri.set(a.uri, a);
  } else {
    byUri = new Map(answer.articles.map((a) => [a.uri, a]));
  }
  const { removed: _removed, delta: _delta, ...rest } = answer;
  return { byUri, result: { ...rest, articles: [...byUri.values()].sort(deskOrder) } };
}
