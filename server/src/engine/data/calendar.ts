/**
 * Words of dates in Arabic news copy, as data: weekdays, Gregorian and Hijri month names in the
 * spellings newsrooms use, year suffixes, ordinal days, relative expressions and the fixed phrases
 * in which «اليوم» does not mean today. Written as readers write them; the date finder
 * (engine/arabic/dateExpressions.ts) normalizes every entry (hamza, ى/ي, ة/ه, diacritics), so one
 * spelling per hamza variant is enough.
 */

/** Weekdays in the order of `Date.getUTCDay()`: 0 is Sunday. */
export const WEEKDAYS: { en: string; ar: string; forms: string[] }[] = [
  { en: 'Sunday', ar: 'الأحد', forms: ['الأحد'] },
  { en: 'Monday', ar: 'الاثنين', forms: ['الاثنين', 'الإثنين', 'الاتنين'] },
  { en: 'Tuesday', ar: 'الثلاثاء', forms: ['الثلاثاء'] },
  { en: 'Wednesday', ar: 'الأربعاء', forms: ['الأربعاء', 'الاربعاء'] },
  { en: 'Thursday', ar: 'الخميس', forms: ['الخميس'] },
  { en: 'Friday', ar: 'الجمعة', forms: ['الجمعة'] },
  { en: 'Saturday', ar: 'السبت', forms: ['السبت'] },
];

/**
 * Gregorian month names by month (index 0 is January): the Egyptian/Gulf family, the Levantine
 * (Syriac) family, and the Maghreb and Moroccan spellings, each with the variants writers use.
 * A name of two words (كانون الثاني) is one entry.
 */
export const GREGORIAN_MONTH_FORMS: string[][] = [
  ['يناير', 'كانون الثاني', 'جانفي'],
  ['فبراير', 'شباط', 'فيفري'],
  ['مارس', 'آذار'],
  ['أبريل', 'إبريل', 'نيسان', 'أفريل'],
  ['مايو', 'أيار', 'ماي'],
  ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز'],
  ['أغسطس', 'آب', 'أوت', 'غشت'],
  ['سبتمبر', 'أيلول', 'شتنبر'],
  ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني', 'نونبر'],
  ['ديسمبر', 'كانون الأول', 'دجنبر'],
];

/** Hijri months: the name messages use, English, and every spelling the finder accepts. */
export const HIJRI_MONTHS: { ar: string; en: string; forms: string[] }[] = [
  { ar: 'محرم', en: 'Muharram', forms: ['محرم', 'المحرم'] },
  { ar: 'صفر', en: 'Safar', forms: ['صفر'] },
  { ar: 'ربيع الأول', en: 'Rabi al-Awwal', forms: ['ربيع الأول'] },
  { ar: 'ربيع الآخر', en: 'Rabi al-Thani', forms: ['ربيع الآخر', 'ربيع الثاني'] },
  { ar: 'جمادى الأولى', en: 'Jumada al-Ula', forms: ['جمادى الأولى', 'جمادى الأول'] },
  { ar: 'جمادى الآخرة', en: 'Jumada al-Akhirah', forms: ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى الثاني'] },
  { ar: 'رجب', en: 'Rajab', forms: ['رجب'] },
  { ar: 'شعبان', en: 'Shaban', forms: ['شعبان'] },
  { ar: 'رمضان', en: 'Ramadan', forms: ['رمضان'] },
  { ar: 'شوال', en: 'Shawwal', forms: ['شوال'] },
  { ar: 'ذو القعدة', en: 'Dhu al-Qadah', forms: ['ذو القعدة', 'ذي القعدة', 'ذا القعدة'] },
  { ar: 'ذو الحجة', en: 'Dhu al-Hijjah', forms: ['ذو الحجة', 'ذي الحجة', 'ذا الحجة'] },
];

/** What may stand after a Gregorian year (2025م, 2025 م, 2025 ميلادية). */
export const GREGORIAN_YEAR_SUFFIXES = ['م', 'ميلادي', 'ميلادية', 'للميلاد'];

/** What may stand after a Hijri year (1446هـ, 1446 هـ, 1446 هجرية, 1446 للهجرة). */
export const HIJRI_YEAR_SUFFIXES = ['هـ', 'ه', 'هجري', 'هجرية', 'للهجرة'];

/** Words between a month and its year: «يونيو عام 2025», «من العام 2025». */
export const YEAR_WORDS = ['عام', 'العام', 'لعام', 'سنة', 'لسنة'];

/**
 * Ordinal days written in words before «من» + month: «الرابع من ديسمبر». Compound ordinals
 * (الحادي والعشرين) are one entry each, so a phrase is matched as a whole.
 */
export const ORDINAL_DAYS: [string, number][] = [
  ['الأول', 1],
  ['الثاني', 2],
  ['الثالث', 3],
  ['الرابع', 4],
  ['الخامس', 5],
  ['السادس', 6],
  ['السابع', 7],
  ['الثامن', 8],
  ['التاسع', 9],
  ['العاشر', 10],
  ['الحادي عشر', 11],
  ['الثاني عشر', 12],
  ['الثالث عشر', 13],
  ['الرابع عشر', 14],
  ['الخامس عشر', 15],
  ['السادس عشر', 16],
  ['السابع عشر', 17],
  ['الثامن عشر', 18],
  ['التاسع عشر', 19],
  ['العشرين', 20],
  ['الحادي والعشرين', 21],
  ['الثاني والعشرين', 22],
  ['الثالث والعشرين', 23],
  ['الرابع والعشرين', 24],
  ['الخامس والعشرين', 25],
  ['السادس والعشرين', 26],
  ['السابع والعشرين', 27],
  ['الثامن والعشرين', 28],
  ['التاسع والعشرين', 29],
  ['الثلاثين', 30],
  ['الحادي والثلاثين', 31],
];

/** Words for the first day of a month, written before its name: «غرة محرم 1447هـ». */
export const FIRST_OF_MONTH = ['غرة'];

/** The word «شهر» a month name may carry: «15 شهر رمضان». */
export const MONTH_WORD = ['شهر'];

/** «الموافق» and its forms, linking a Hijri date to its Gregorian one (or a weekday to its date). */
export const CORRESPONDING = ['الموافق', 'والموافق'];

/** A month written with one of these after it is in the past, the future, or the current month. */
export const MONTH_DIRECTION: Record<string, -1 | 0 | 1> = {
  'الماضي': -1,
  'الماضية': -1,
  'المنصرم': -1,
  'الفائت': -1,
  'المقبل': 1,
  'المقبلة': 1,
  'القادم': 1,
  'القادمة': 1,
  'الجاري': 0,
  'الحالي': 0,
};

/** Times of day written before a relative day: «مساء أمس», «صباح اليوم», «ليلة أمس», «يوم أمس». */
export const TIME_OF_DAY = ['صباح', 'مساء', 'ظهر', 'ظهيرة', 'عصر', 'فجر', 'ليل', 'ليلة', 'صبيحة', 'يوم'];

/**
 * Relative days, by how many days they are from the article's `date`. Several-word entries are
 * phrases; a word may carry و or ف before it (وأمس، فاليوم).
 */
export const RELATIVE_DAYS: [string, number][] = [
  ['اليوم', 0],
  ['أمس', -1],
  ['بالأمس', -1],
  ['أول أمس', -2],
  ['أول من أمس', -2],
  ['أمس الأول', -2],
  ['الليلة الماضية', -1],
  ['غداً', 1],
  ['بعد غد', 2],
  ['بعد الغد', 2],
  ['بعد غداً', 2],
];

/** Words that mean "tomorrow" only after a time of day (يوم غد، مساء الغد), never alone: «جيل الغد». */
export const TOMORROW_AFTER_TIME = ['غد', 'الغد'];

/** Words that mean "yesterday" only after a time of day (مساء الأمس): alone, «حلفاء الأمس» is figurative. */
export const YESTERDAY_AFTER_TIME = ['الأمس'];

/** Periods: «الأسبوع الماضي», «الشهر المقبل», «العام الجاري», «السنة الماضية». */
export const PERIODS: [string, 'week' | 'month' | 'year'][] = [
  ['الأسبوع', 'week'],
  ['الشهر', 'month'],
  ['العام', 'year'],
  ['السنة', 'year'],
];

/** «هذا العام», «هذا الأسبوع», «هذه السنة»: the current period. */
export const THIS = ['هذا', 'هذه'];

/**
 * Words after which «اليوم» is not today: «حتى اليوم» (to this day), «ذلك اليوم», newspaper and
 * channel names («العالم اليوم», «المصري اليوم», «روسيا اليوم», «أخبار اليوم», «صحيفة اليوم»),
 * and «نحن اليوم» (nowadays).
 */
export const TODAY_NOT_AFTER = [
  'حتى',
  'إلى',
  'لغاية',
  'ذلك',
  'هذا',
  'ذات',
  'نفس',
  'تلك',
  'العالم',
  'المصري',
  'روسيا',
  'أخبار',
  'صحيفة',
  'جريدة',
  'نحن',
  'ونحن',
];

/**
 * Words after which «اليوم» is a noun, "the day": «اليوم التالي», «اليوم العالمي للصحة»,
 * «اليوم الوطني», «اليوم الأول من القمة», «في اليوم نفسه», «اليوم السابع» (a newspaper).
 */
export const TODAY_NOT_BEFORE = [
  'التالي',
  'السابق',
  'الموالي',
  'نفسه',
  'ذاته',
  'الأخير',
  'الموعود',
  'المفتوح',
  'الدراسي',
  'الكامل',
  'بأكمله',
  'كله',
  'العالمي',
  'الوطني',
  'الدولي',
  'العربي',
  'الختامي',
  'الافتتاحي',
  'الأول',
  'الثاني',
  'الثالث',
  'الرابع',
  'الخامس',
  'السادس',
  'السابع',
  'الثامن',
  'التاسع',
  'العاشر',
];

/**
 * Agency marks that close a dateline without a dash: «الرياض 6 ذو الحجة 1446هـ الموافق 2 يونيو
 * 2025م واس», «أبوظبي في 2 يونيو / وام /».
 */
export const DATELINE_AGENCIES = [
  'واس',
  'وام',
  'قنا',
  'بنا',
  'كونا',
  'سبأ',
  'واف',
  'وال',
  'سانا',
  'بترا',
  'العمانية',
  'رويترز',
  'الأناضول',
  'أ ف ب',
  'د ب أ',
];
