import { MarkupKind, type MarkupContent } from 'vscode-languageserver';
import type { Bilingual, Locale } from '../engine';

/** Words for values the profile does not describe itself; completion and hover show them. */
export const STATUS_LABELS: Record<string, Bilingual> = {
  draft: { en: 'draft', ar: 'مسودة' },
  review: { en: 'in review', ar: 'قيد المراجعة' },
  approved: { en: 'approved', ar: 'معتمد' },
  published: { en: 'published', ar: 'منشور' },
};

export const SOURCE_TYPE_LABELS: Record<string, Bilingual> = {
  agency: { en: 'news agency', ar: 'وكالة أنباء' },
  official: { en: 'official body', ar: 'جهة رسمية' },
  document: { en: 'document', ar: 'وثيقة' },
  interview: { en: 'interview', ar: 'مقابلة' },
  media: { en: 'media outlet', ar: 'وسيلة إعلام' },
  anonymous: { en: 'anonymous (needs a reason)', ar: 'مصدر مجهّل (يلزمه سبب)' },
};

export const SOURCE_KEY_DOCS: Record<string, Bilingual> = {
  name: { en: 'The source as the article credits it.', ar: 'اسم المصدر كما يُنسب إليه في الخبر.' },
  url: { en: 'A link to the original (http or https).', ar: 'رابط إلى الأصل (http أو https).' },
  type: { en: 'agency, official, document, interview, media or anonymous.', ar: 'agency أو official أو document أو interview أو media أو anonymous.' },
  reason: { en: 'Why an anonymous source is not named.', ar: 'سبب عدم تسمية المصدر المجهّل.' },
  accessed: { en: 'When the source was consulted (ISO 8601).', ar: 'وقت الاطلاع على المصدر (ISO 8601).' },
};

export function bilingualDoc(text: Bilingual | undefined, locale: Locale, markdown: boolean): MarkupContent | undefined {
  if (!text) return undefined;
  const parts = locale === 'ar' ? [text.ar, text.en] : [text.en, text.ar];
  return { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: parts.join('\n\n') };
}
