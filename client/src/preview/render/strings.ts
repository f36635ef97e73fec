/**
 * Every word the preview prints itself, as data. Two audiences: the reader's chrome (byline,
 * «المصادر», «الوسوم») follows the article's own language, because the preview shows the article
 * as its readers will see it; the writer's notes (problems, notices, placeholders, status) follow
 * the editor's locale.
 */
import type { Locale } from '../../../../server/src/engine/types';

export interface ReaderLabels {
  /** Before the author names: «بقلم فلان وفلان». */
  byline: string;
  published: string;
  updated: string;
  /** Between the date and the time of day. */
  timeSeparator: string;
  /** Between the Gregorian and the Hijri date. */
  corresponding: string;
  sources: string;
  tags: string;
  sourceTypes: Record<string, string>;
}

export const READER_LABELS: Record<'ar' | 'en', ReaderLabels> = {
  ar: {
    byline: 'بقلم',
    published: 'نُشر في',
    timeSeparator: '، ',
    updated: 'آخر تحديث',
    corresponding: 'الموافق',
    sources: 'المصادر',
    tags: 'الوسوم',
    sourceTypes: {
      agency: 'وكالة أنباء',
      official: 'جهة رسمية',
      document: 'وثيقة',
      interview: 'مقابلة',
      media: 'وسيلة إعلام',
      anonymous: 'مصدر غير مسمّى',
    },
  },
  en: {
    byline: 'By',
    published: 'Published',
    timeSeparator: ', ',
    updated: 'Updated',
    corresponding: '',
    sources: 'Sources',
    tags: 'Tags',
    sourceTypes: {
      agency: 'news agency',
      official: 'official',
      document: 'document',
      interview: 'interview',
      media: 'media',
      anonymous: 'unnamed source',
    },
  },
};

export interface WriterLabels {
  status: Record<string, string>;
  untitled: string;
  noFrontmatter: string;
  brokenFrontmatter: string;
  unclosedFrontmatter: string;
  foreignFrontmatter: (language: string) => string;
  problemsHeading: string;
  otherProblemsHeading: string;
  line: (n: number) => string;
  severity: Record<string, string>;
  remoteImage: (host: string) => string;
  insecureImage: (host: string) => string;
  unsupportedImage: string;
  siteRootImage: string;
  noBaseImage: string;
  blockedLink: string;
  invalidDate: (raw: string) => string;
  invalidLanguage: (raw: string) => string;
  hijriUnavailable: string;
  scheduled: string;
  embargoed: string;
  cardTitle: string;
  cardSummary: string;
  cardCount: (length: number, max: number) => string;
  cardNoImage: string;
  cardSummaryFromBody: string;
}

export const WRITER_LABELS: Record<Locale, WriterLabels> = {
  ar: {
    status: { draft: 'مسودة', review: 'قيد المراجعة', approved: 'معتمد للنشر' },
    untitled: 'بلا عنوان',
    noFrontmatter: 'لا توجد بيانات وصفية (frontmatter) في أعلى الملف: يظهر متن الخبر وحده، بلا عنوان ولا تاريخ ولا مصادر.',
    brokenFrontmatter: 'تعذرت قراءة البيانات الوصفية (frontmatter)، فيظهر ما أمكن قراءته. راجع المشكلات أدناه.',
    unclosedFrontmatter: 'البيانات الوصفية لم تُغلق بسطر `---`، فيظهر ما بعد السطر الأول متنًا.',
    foreignFrontmatter: (language) => `البيانات الوصفية بلغة «${language}» لا تُقرأ ولا تُنفَّذ أبدًا؛ استعمل YAML.`,
    problemsHeading: 'مشكلات البيانات الوصفية',
    otherProblemsHeading: 'مشكلات لم تُعلَّم في النص',
    line: (n) => `السطر ${n}`,
    severity: { error: 'خطأ', warning: 'تحذير', information: 'معلومة', hint: 'تلميح' },
    remoteImage: (host) => `صورة من ${host}: لا تُحمَّل الصور البعيدة في المعاينة (يمكن السماح بها من الإعدادات).`,
    insecureImage: (host) => `صورة من ${host} عبر http غير المشفّر: لا تُحمَّل.`,
    unsupportedImage: 'صورة بعنوان غير مدعوم: لا تُحمَّل.',
    siteRootImage: 'صورة بمسار يبدأ من جذر الموقع: لا يمكن معرفة مكانها في المعاينة.',
    noBaseImage: 'صورة محلية: لا يُعرف مجلد الخبر، فلا تُحمَّل.',
    blockedLink: 'رابط بعنوان غير آمن أو غير مدعوم: عُطّل.',
    invalidDate: (raw) => `تاريخ غير صالح: ${raw}`,
    invalidLanguage: (raw) => `رمز اللغة «${raw}» غير صالح، فعُرض الخبر بالعربية.`,
    hijriUnavailable: 'التقويم الهجري غير متاح في هذه البيئة.',
    scheduled: 'موعد النشر لم يحن بعد',
    embargoed: 'محظور النشر حتى',
    cardTitle: 'العنوان',
    cardSummary: 'الموجز',
    cardCount: (length, max) => `${length} حرفًا من ${max}${length > max ? ' — سيُقطع' : ''}`,
    cardNoImage: 'لا صورة',
    cardSummaryFromBody: 'لا موجز في البيانات الوصفية: أُخذ من الفقرة الأولى.',
  },
  en: {
    status: { draft: 'Draft', review: 'In review', approved: 'Approved' },
    untitled: 'Untitled',
    noFrontmatter: 'No frontmatter at the top of the file: only the body is shown, with no headline, date or sources.',
    brokenFrontmatter: 'The frontmatter could not be read cleanly; what could be read is shown. See the problems below.',
    unclosedFrontmatter: 'The frontmatter is never closed with a `---` line; everything after the first line is shown as the body.',
    foreignFrontmatter: (language) => `Frontmatter in "${language}" is never read or run; use YAML.`,
    problemsHeading: 'Frontmatter problems',
    otherProblemsHeading: 'Problems not marked in the text',
    line: (n) => `line ${n}`,
    severity: { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' },
    remoteImage: (host) => `Image from ${host}: remote images are not loaded in the preview (a setting allows them).`,
    insecureImage: (host) => `Image from ${host} over unencrypted http: not loaded.`,
    unsupportedImage: 'Image with an unsupported address: not loaded.',
    siteRootImage: 'Image with a site-root path: its location is unknown to the preview.',
    noBaseImage: 'Local image: the article folder is unknown, so it is not loaded.',
    blockedLink: 'Link with an unsafe or unsupported address: disabled.',
    invalidDate: (raw) => `Invalid date: ${raw}`,
    invalidLanguage: (raw) => `Language tag "${raw}" is invalid; the article is shown as Arabic.`,
    hijriUnavailable: 'The Hijri calendar is not available in this runtime.',
    scheduled: 'Scheduled: the publication time is still ahead',
    embargoed: 'Embargoed until',
    cardTitle: 'Headline',
    cardSummary: 'Summary',
    cardCount: (length, max) => `${length} of ${max} characters${length > max ? ' — will be cut' : ''}`,
    cardNoImage: 'No image',
    cardSummaryFromBody: 'No summary in the frontmatter: taken from the first paragraph.',
  },
};

/** A label from a table by a key written in the article: own keys only (`constructor` is no status). */
export function label(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
