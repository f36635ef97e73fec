// What the Newsroom view and the status bar say, in Arabic and English: the language of the
// server's messages (`muharrir.locale`, else `.muharrir.yaml`'s `locale`, else VS Code's).
// Pure (no vscode): the tests read the same strings the editor shows. Arabic counts take the
// noun form their number asks for (one, two, 3–10, 11–99, 100…), chosen by Intl.PluralRules.
import { BADGE_LABELS, NO_STATUS_LABEL, STATUS_LABELS } from '../../../server/src/engine/data/statuses';
import type { ArticleSummary } from '../../../server/src/engine/desk';

export type Locale = 'ar' | 'en';

/** `muharrir.locale` when it names a language, else VS Code's display language. */
export function uiLocale(setting: unknown, displayLanguage: string): Locale {
  if (setting === 'ar' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/**
 * The language of the desk's labels: `muharrir.locale` when it names one (at once, before the
 * server has heard of the change), else the one the server's diagnostics speak (which follows
 * `.muharrir.yaml`'s `locale`), else VS Code's display language until the server has answered.
 */
export function deskLocale(setting: unknown, serverLocale: Locale | undefined, displayLanguage: string): Locale {
  if (setting === 'ar' || setting === 'en') return setting;
  return serverLocale ?? uiLocale(setting, displayLanguage);
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `{n}` is the number, written with Latin digits and grouping (Arabic-Indic digits are not asked for). */
const NOUNS: Record<'errors' | 'warnings' | 'notes' | 'words' | 'articles' | 'minutes', Record<Locale, PluralForms>> = {
  errors: {
    en: { one: '{n} error', other: '{n} errors' },
    ar: { one: 'خطأ واحد', two: 'خطآن', few: '{n} أخطاء', many: '{n} خطأً', other: '{n} خطأ' },
  },
  warnings: {
    en: { one: '{n} warning', other: '{n} warnings' },
    ar: { one: 'تحذير واحد', two: 'تحذيران', few: '{n} تحذيرات', many: '{n} تحذيرًا', other: '{n} تحذير' },
  },
  notes: {
    en: { one: '{n} note', other: '{n} notes' },
    ar: { one: 'ملاحظة واحدة', two: 'ملاحظتان', few: '{n} ملاحظات', many: '{n} ملاحظةً', other: '{n} ملاحظة' },
  },
  words: {
    en: { one: '{n} word', other: '{n} words' },
    ar: { one: 'كلمة واحدة', two: 'كلمتان', few: '{n} كلمات', many: '{n} كلمةً', other: '{n} كلمة' },
  },
  articles: {
    en: { one: '{n} article', other: '{n} articles' },
    ar: { one: 'خبر واحد', two: 'خبران', few: '{n} أخبار', many: '{n} خبرًا', other: '{n} خبر' },
  },
  minutes: {
    en: { one: '{n} minute', other: '{n} minutes' },
    ar: { one: 'دقيقة واحدة', two: 'دقيقتان', few: '{n} دقائق', many: '{n} دقيقةً', other: '{n} دقيقة' },
  },
};

const plurals: Partial<Record<Locale, Intl.PluralRules>> = {};
/** Built on first use: an Intl formatter costs milliseconds, and activation must not pay them. */
let numbers: Intl.NumberFormat | undefined;

export function formatNumber(n: number): string {
  return (numbers ??= new Intl.NumberFormat('en-US')).format(n);
}

/** "3 errors", "خطآن", "11 خطأً". */
export function countOf(noun: keyof typeof NOUNS, n: number, locale: Locale): string {
  const rules = (plurals[locale] ??= new Intl.PluralRules(locale));
  const forms = NOUNS[noun][locale];
  return (forms[rules.select(n)] ?? forms.other).replace('{n}', formatNumber(n));
}

const TEXT = {
  noProblems: { en: 'no problems', ar: 'لا مشكلات' },
  sourcesMissingLong: { en: 'The frontmatter lists no sources the body relies on.', ar: 'لا تذكر البيانات الوصفية المصادر التي يعتمد عليها المتن.' },
  dateMissingLong: { en: 'The article has no publication date.', ar: 'لا تاريخ نشر للخبر.' },
  dateBrokenLong: { en: 'The publication date is invalid, lacks a time zone, or is out of order.', ar: 'تاريخ النشر غير صالح أو بلا منطقة زمنية أو في غير ترتيبه.' },
  noStatusTooltip: {
    en: 'The frontmatter’s status is not one the newsroom allows, or the frontmatter could not be read.',
    ar: 'حالة الخبر في البيانات الوصفية ليست من الحالات المسموح بها، أو تعذّرت قراءة البيانات الوصفية.',
  },
  noSection: { en: 'No section', ar: 'بلا قسم' },
  ready: { en: 'Ready to publish', ar: 'جاهز للنشر' },
  notReady: { en: 'Not ready: see the checklist', ar: 'غير جاهز: راجع قائمة التحقق' },
  checklistOk: { en: 'done', ar: 'تم' },
  checklistNo: { en: 'not yet', ar: 'لم يتم' },
  readingAbout: { en: 'about {0} of reading', ar: 'نحو {0} من القراءة' },
  minutesShort: { en: '{0} min', ar: '{0} د' },
  clickProblems: { en: 'Click to show the Problems panel.', ar: 'انقر لعرض لوحة المشكلات.' },
  statusBarName: { en: 'Muharrir: article', ar: 'محرّر: الخبر' },
  untitled: { en: 'Untitled', ar: 'بلا عنوان' },
  scopeOffer: { en: 'Check every article in the workspace', ar: 'افحص كل أخبار مساحة العمل' },
  scopeOfferDescription: { en: 'only open articles are listed', ar: 'تظهر الأخبار المفتوحة فقط' },
  scopeOfferTooltip: {
    en: 'The desk lists only the articles open in editors (muharrir.diagnostics.scope is “openFiles”). Click to check every article of the workspace, for this workspace.',
    ar: 'يعرض المكتب الأخبار المفتوحة في المحرّر فقط (الإعداد muharrir.diagnostics.scope قيمته «openFiles»). انقر لفحص كل أخبار مساحة العمل، في مساحة العمل هذه.',
  },
  loading: { en: 'Asking the language server for the articles…', ar: 'جارٍ طلب الأخبار من خادم اللغة…' },
  scanning: { en: 'Checking the workspace: {0} of {1} articles…', ar: 'جارٍ فحص مساحة العمل: {0} من {1}…' },
  filtered: { en: 'Filtered: {0}', ar: 'مُرشَّح: {0}' },
  withErrorsBadge: { en: '{0} with errors', ar: '{0} فيها أخطاء' },
  filterErrors: { en: 'with errors', ar: 'فيها أخطاء' },
  filterNotReady: { en: 'not ready', ar: 'غير جاهزة' },
  filterText: { en: '“{0}”', ar: '«{0}»' },
  shownOf: { en: '{0} of {1}', ar: '{0} من {1}' },
  nothingMatches: { en: 'No article matches the filters.', ar: 'لا خبر يطابق المرشّحات.' },
  unavailable: { en: 'The desk is not available: {0}', ar: 'المكتب غير متاح: {0}' },
  showOutput: { en: 'Show the Muharrir output', ar: 'اعرض مخرجات «محرّر»' },
  filterPrompt: { en: 'Show the articles whose headline or path contains this text (empty: all)', ar: 'اعرض الأخبار التي يحوي عنوانها أو مسارها هذا النص (فارغ: الكل)' },
  filterTitle: { en: 'Filter the Newsroom', ar: 'ترشيح غرفة الأخبار' },
  filterPlaceholder: { en: 'Headline or path', ar: 'العنوان أو المسار' },
} satisfies Record<string, Record<Locale, string>>;

export type TextKey = keyof typeof TEXT;

/** A fixed string; `{0}`, `{1}` are replaced by `args` in order. */
export function t(key: TextKey, locale: Locale, ...args: (string | number)[]): string {
  return TEXT[key][locale].replace(/\{(\d)\}/g, (m, i: string) => {
    const a = args[Number(i)];
    return a === undefined ? m : typeof a === 'number' ? formatNumber(a) : a;
  });
}

/** The four statuses of DESIGN §2, in the order an article goes through them. */
export const STATUS_ORDER: readonly string[] = Object.keys(STATUS_LABELS);


/** A status as a group's name; a newsroom's own status (its `.muharrir.yaml` enum) as written. */
export function statusName(status: string | null, locale: Locale): string {
  if (status === null) return NO_STATUS_LABEL[locale];
  return (STATUS_LABELS as Record<string, Record<Locale, string> | undefined>)[status]?.[locale] ?? status;
}

export type Counts = ArticleSummary['counts'];

/** "2 errors · 1 warning"; "no problems". */
export function countsText(counts: Counts, locale: Locale): string {
  const parts: string[] = [];
  if (counts.errors) parts.push(countOf('errors', counts.errors, locale));
  if (counts.warnings) parts.push(countOf('warnings', counts.warnings, locale));
  if (counts.infos) parts.push(countOf('notes', counts.infos, locale));
  return parts.length ? parts.join(' · ') : t('noProblems', locale);
}

export type BadgeId = keyof typeof BADGE_LABELS;

export interface Badge {
  id: BadgeId;
  /** Short, for a row's description. */
  label: string;
  /** A sentence, for the tooltip. */
  explanation: string;
  /** A codicon for the tooltip. */
  icon: string;
}

const BADGE_ICONS: Record<BadgeId, string> = { sourcesMissing: 'book', dateMissing: 'calendar', dateBroken: 'calendar' };

export function badgesOf(summary: Pick<ArticleSummary, 'badges'>, locale: Locale): Badge[] {
  return (Object.keys(BADGE_LABELS) as BadgeId[])
    .filter((id) => summary.badges[id])
    .map((id) => ({ id, label: BADGE_LABELS[id][locale], explanation: t(`${id}Long`, locale), icon: BADGE_ICONS[id] }));
}

/** The status bar's codicon: the worst severity the article has, a check when it has none. */
export function severityIcon(counts: Counts): 'error' | 'warning' | 'info' | 'check' {
  return counts.errors ? 'error' : counts.warnings ? 'warning' : counts.infos ? 'info' : 'check';
}

const LRM = '\u200E';
const RLM = '\u200F';

/**
 * Text shown after other text on one left-to-right line of VS Code (a description after a
 * headline, the length after the problem count). Without marks the bidi algorithm joins it to an
 * Arabic headline before it (English: "…المكرمة 2" with "errors" cut away; Arabic: the
 * description on the headline's far side) and puts the numbers of an Arabic phrase on the wrong
 * side of their nouns. The LRM ends whatever came before; for Arabic, the RLM then starts a
 * right-to-left phrase, so "11 خطأً" reads as written.
 */
export function bidiAfter(text: string, locale: Locale): string {
  return locale === 'ar' ? `${LRM}${RLM}${text}` : `${LRM}${text}`;
}

/** "$(warning) 3  ·  1,240 words · 6 min": the problems, the length and the reading time. */
export function statusBarText(summary: ArticleSummary, locale: Locale): string {
  const c = summary.counts;
  const problems = `$(${severityIcon(c)}) ${formatNumber(c.errors + c.warnings + c.infos)}`;
  const length = [countOf('words', summary.words, locale)];
  if (summary.readingMinutes > 0) length.push(t('minutesShort', locale, summary.readingMinutes));
  return `${problems}  ·  ${locale === 'ar' ? bidiAfter(length.join(' · '), locale) : length.join(' · ')}`;
}

/** The breakdown behind the status bar item, one fact a line (Markdown). */
export function statusBarTooltip(summary: ArticleSummary, locale: Locale): string {
  const lines = [`**${escapeMarkdown(summary.title ?? t('untitled', locale))}**`, countsText(summary.counts, locale)];
  const length = [countOf('words', summary.words, locale)];
  if (summary.readingMinutes > 0) length.push(t('readingAbout', locale, countOf('minutes', summary.readingMinutes, locale)));
  lines.push(length.join(' · '));
  for (const b of badgesOf(summary, locale)) lines.push(`$(${b.icon}) ${b.explanation}`);
  lines.push(t('clickProblems', locale));
  return lines.join('\n\n');
}

/** Text from an article shown in a Markdown tooltip: shown as written, never as markup. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, '\\$&');
}
