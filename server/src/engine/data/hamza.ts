/**
 * Common hamza errors in news copy: hamzat al-wasl written as hamzat al-qat' (إ).
 *
 * The alef that opens the masdar and the past tense of the derived forms افتعل، انفعل، استفعل
 * (اجتماع، انتخابات، استقبال؛ اجتمع، انسحب، استقبل), a handful of nouns (ابن، اسم، اثنان،
 * امرأة) and the imperative of the bare verb (اقرأ) is a connecting alef: it carries no hamza.
 * The masdar of أفعل (إنتاج، إعلان، إصلاح، إنشاء، إطلاق، إجراء، إعادة…) does carry one: those are
 * listed in CORRECT_WITH_HAMZA so a test can prove the two lists never meet.
 *
 * Words are written correctly here, without the article and without diacritics; the wrong
 * spelling is the same word with إ for its first alef. Loanwords whose spelling is a house choice
 * (إستراتيجية / استراتيجية، إنترنت) are deliberately absent.
 */

export type HamzaKind = 'masdar' | 'verb' | 'noun' | 'imperative';

export interface HamzaEntry {
  /** The misspelling, as matched (after clitics and diacritics are set aside). */
  wrong: string;
  right: string;
  kind: HamzaKind;
  /** Unambiguous: the misspelling is no other word, so the fix is applied by fix-all. */
  safe: boolean;
  /** Endings this form takes, when not the kind's (a stem whose ة became ت, a verb that lost its final ى). */
  suffixes?: readonly string[];
}

/** Masdars (and their nisba adjectives) of افتعل / انفعل / استفعل. */
const MASDARS = [
  'اجتماع', 'اجتماعي', 'انتخاب', 'انتخابات', 'انتخابي', 'استقبال', 'اتفاق', 'اتفاقية', 'اقتصاد', 'اقتصادي',
  'استثمار', 'استثماري', 'استخدام', 'انتقال', 'انتقالي', 'انسحاب', 'احتلال', 'اعتداء', 'ارتفاع', 'انخفاض',
  'استقرار', 'اختيار', 'احتفال', 'احتفالية', 'انفجار', 'اتصال', 'اتصالات', 'احتجاج', 'احتجاجات', 'اعتراف',
  'استعداد', 'استعدادات', 'انطلاق', 'انطلاقة', 'اتحاد', 'اتجاه', 'اتهام', 'اتهامات', 'اتخاذ', 'استمرار',
  'انتشار', 'انتصار', 'انتهاك', 'انتهاكات', 'انتهاء', 'احتياج', 'احتياجات', 'احتياطي', 'اعتقال', 'اغتيال',
  'استهداف', 'استئناف', 'استقالة', 'استفتاء', 'استيراد', 'استطلاع', 'انضمام', 'انعقاد', 'انقسام', 'اختطاف',
  'اختبار', 'اختبارات', 'اختلاف', 'استعمال', 'استغلال', 'استجابة', 'استيطان', 'استيطاني', 'احترام', 'اعتماد',
  'التزام', 'التزامات', 'امتحان', 'امتحانات', 'انتظار', 'ابتكار', 'ابتدائي', 'ابتدائية', 'اختصاص', 'استثناء',
  'انهيار', 'انقلاب', 'انفصال', 'ازدحام', 'ازدهار', 'اضطراب', 'اضطرابات', 'اصطدام', 'اصطناعي', 'استعراض',
  'استدعاء', 'استنكار', 'احتواء', 'اجتياح', 'اقتحام', 'اعتصام', 'احتكار', 'استحواذ', 'انتعاش', 'ارتباط',
  'استقلال', 'احتفاظ', 'افتتاح', 'اختتام', 'انتقاد', 'انتقادات', 'اعتبار', 'استطاعة', 'استشهاد', 'استخبارات',
  'استراحة', 'استشارة', 'استشاري', 'استهلاك', 'استهلاكي', 'انبعاثات', 'ارتفاعات', 'انخفاضات', 'اقتراح', 'اقتراحات',
  'اكتشاف', 'اكتتاب', 'انتماء', 'اختراق', 'اعتذار', 'التقاء', 'ابتزاز', 'احتيال', 'اختناق', 'انزلاق',
];

/** Past tense of the same forms (hamzat al-wasl). */
const VERBS = [
  'استقبل', 'اجتمع', 'انتخب', 'اتفق', 'استمر', 'انسحب', 'احتل', 'ارتفع', 'انخفض', 'اختار',
  'احتفل', 'انفجر', 'اتصل', 'احتج', 'اعترف', 'استعد', 'انطلق', 'انتقل', 'استخدم', 'استثمر',
  'اعتقل', 'استهدف', 'استأنف', 'استقال', 'انضم', 'انعقد', 'اختتم', 'افتتح', 'اتهم', 'اتخذ',
  'استعرض', 'استنكر', 'اقتحم', 'انتقد', 'اعتبر', 'اعتمد', 'التزم', 'استطاع', 'استغرق', 'انتشر',
  'اكتشف', 'اقترح', 'اعتذر', 'ابتكر', 'اختطف', 'اغتال', 'انهار', 'استشهد', 'استولى', 'التقى',
  'انتهى', 'اعتدى', 'استدعى', 'احتوى', 'اجتاح', 'اعتصم', 'استضاف', 'استبعد', 'استلم', 'استنفد',
];

/** Nouns that open with hamzat al-wasl. */
// Not the plurals: أسماء and أبناء open with hamzat al-qat'.
const NOUNS = ['ابن', 'ابنة', 'اسم', 'اثنان', 'اثنين', 'اثنا', 'اثني', 'اثنتان', 'اثنتين', 'اثنتا', 'اثنتي', 'امرأة', 'امرؤ'];

/** The imperative of the bare verb. */
const IMPERATIVES = ['اقرأ', 'اقرؤوا', 'اقرأوا'];

/**
 * Words written with إ that must never be flagged: masdars of أفعل, nouns, names, and the
 * loanwords whose spelling is a house choice. The quiet fixtures use them.
 */
export const CORRECT_WITH_HAMZA = [
  'إنتاج', 'إعلان', 'إصلاح', 'إنشاء', 'إطلاق', 'إجراء', 'إجراءات', 'إعادة', 'إنجاز', 'إنفاق', 'إنقاذ',
  'إنهاء', 'إعداد', 'إقامة', 'إصابة', 'إلغاء', 'إرسال', 'إسقاط', 'إغلاق', 'إعمار', 'إشراف', 'إنذار',
  'إنسان', 'إدارة', 'إمكانية', 'إحصاء', 'إحصائيات', 'إسلام', 'إيران', 'إسرائيل', 'إبراهيم', 'إسماعيل', 'إثيوبيا',
  'إفريقيا', 'إيطاليا', 'إعلام', 'إرهاب', 'إجمالي', 'إضافة', 'إطار', 'إنترنت', 'إستراتيجية', 'إقليم',
];

const ALEF_HAMZA_BELOW = '\u0625';

/** The word, its ة-stem (استقالته، استقالات) and, for a verb ending in ى, its short stem (انتهت، انتهوا). */
function entries(words: readonly string[], kind: HamzaKind): HamzaEntry[] {
  const out: HamzaEntry[] = [];
  for (const right of words) {
    const wrong = ALEF_HAMZA_BELOW + right.slice(1);
    out.push({ wrong, right, kind, safe: true });
    if (right.endsWith('\u0629')) {
      out.push({ wrong: wrong.slice(0, -1) + '\u062A', right: right.slice(0, -1) + '\u062A', kind, safe: true, suffixes: ['ه', 'ها', 'هم', 'هما', 'ي', 'نا', 'كم', 'ين', 'ان'] });
      out.push({ wrong: wrong.slice(0, -1), right: right.slice(0, -1), kind, safe: true, suffixes: ['ات', 'اتها', 'اته', 'اتهم'] });
    }
    if (kind === 'verb' && right.endsWith('\u0649')) {
      out.push({ wrong: wrong.slice(0, -1), right: right.slice(0, -1), kind, safe: true, suffixes: ['ت', 'وا', 'تا'] });
    }
  }
  return out;
}

export const HAMZA_ERRORS: readonly HamzaEntry[] = [
  ...entries(MASDARS, 'masdar'),
  ...entries(VERBS, 'verb'),
  ...entries(NOUNS, 'noun'),
  ...entries(IMPERATIVES, 'imperative'),
];

/** Lookup by the misspelling (a stem can be listed twice: انطلاق, and the ة-less stem of انطلاقة). */
export const HAMZA_BY_WRONG: ReadonlyMap<string, readonly HamzaEntry[]> = (() => {
  const map = new Map<string, HamzaEntry[]>();
  for (const e of HAMZA_ERRORS) map.set(e.wrong, [...(map.get(e.wrong) ?? []), e]);
  return map;
})();

/**
 * Endings a listed word may carry: plural, nisba, dual, the pronoun suffixes; for verbs the
 * subject endings. Only these, so a longer word that happens to begin like a listed one is not
 * taken for it.
 */
export const SUFFIXES: Record<HamzaKind, readonly string[]> = {
  masdar: ['', 'ات', 'ه', 'ة', 'ها', 'هم', 'هما', 'هن', 'ي', 'ية', 'يه', 'يا', 'ين', 'ان', 'نا', 'كم', 'يات', 'يين', 'يون', 'اتها', 'اته', 'اتهم', 'ا'],
  verb: ['', 'ت', 'وا', 'ا', 'تا', 'ن', 'نا', 'تم', 'ه', 'ها', 'هم', 'هما', 'ته', 'تها', 'تهم', 'وه', 'وها', 'وهم'],
  noun: ['', 'ه', 'ها', 'هم', 'ي', 'نا', 'كم', 'ا'],
  imperative: [''],
};

/**
 * «إن شاء الله» written with «إنشاء» (construction) or without its hamza. Only the exact phrase:
 * «إنشاء» alone is a real word and is never touched. Words as written, diacritics aside.
 */
export interface HamzaPhrase {
  words: readonly string[];
  /** What the first word becomes; the words after it are already right. */
  first: string;
  safe: boolean;
}

export const HAMZA_PHRASES: readonly HamzaPhrase[] = [
  { words: ['إنشاء', 'الله'], first: 'إن شاء', safe: true },
  { words: ['انشاء', 'الله'], first: 'إن شاء', safe: true },
  { words: ['ان', 'شاء', 'الله'], first: 'إن', safe: true },
  // Glued into one word.
  { words: ['إنشاءالله'], first: 'إن شاء الله', safe: true },
  { words: ['انشاءالله'], first: 'إن شاء الله', safe: true },
  { words: ['إنشالله'], first: 'إن شاء الله', safe: true },
  { words: ['انشالله'], first: 'إن شاء الله', safe: true },
];
