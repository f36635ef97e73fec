/** Arabic words the engine matches, kept as data so they are reviewed and tested as data. */

/** Labels of a wire-style source line: «المصدر: …», «المصادر: …». */
export const SOURCE_LINE_LABELS = ['المصدر', 'المصادر'];

/** Gregorian month names: the Egyptian/Gulf family and the Levantine family, by month. */
export const GREGORIAN_MONTHS: { en: string; ar: string; levant: string }[] = [
  { en: 'January', ar: 'يناير', levant: 'كانون الثاني' },
  { en: 'February', ar: 'فبراير', levant: 'شباط' },
  { en: 'March', ar: 'مارس', levant: 'آذار' },
  { en: 'April', ar: 'أبريل', levant: 'نيسان' },
  { en: 'May', ar: 'مايو', levant: 'أيار' },
  { en: 'June', ar: 'يونيو', levant: 'حزيران' },
  { en: 'July', ar: 'يوليو', levant: 'تموز' },
  { en: 'August', ar: 'أغسطس', levant: 'آب' },
  { en: 'September', ar: 'سبتمبر', levant: 'أيلول' },
  { en: 'October', ar: 'أكتوبر', levant: 'تشرين الأول' },
  { en: 'November', ar: 'نوفمبر', levant: 'تشرين الثاني' },
  { en: 'December', ar: 'ديسمبر', levant: 'كانون الأول' },
];

/**
 * Arabic names writers use for frontmatter keys, mapped to the profile's keys, so
 * `unknown-field` can say what was meant.
 */
export const ARABIC_FIELD_NAMES: Record<string, string> = {
  'العنوان': 'title',
  'الموجز': 'summary',
  'الملخص': 'summary',
  'التاريخ': 'date',
  'تاريخ النشر': 'date',
  'التحديث': 'updated',
  'الحظر': 'embargo',
  'الكاتب': 'author',
  'المحرر': 'author',
  'القسم': 'section',
  'الوسوم': 'tags',
  'الحالة': 'status',
  'المصادر': 'sources',
  'المصدر': 'sources',
  'المدينة': 'dateline',
  'اللغة': 'language',
};
