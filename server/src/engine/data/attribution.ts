/**
 * Words a news writer uses to say who says something, and the names of sources: the data behind
 * `source-unlisted`, `quote-unattributed` and `source-anonymous`. Written as readers write them;
 * the engine normalizes them (hamza seats, ة/ه, ى/ي, diacritics) before comparing.
 */

export interface AttributionVerb {
  /** The verb as a dictionary cites it (3rd person masculine past). */
  lemma: string;
  /** Every form matched, as written; a leading و or ف is accepted on any of them. */
  forms: string[];
  /** Only with a leading و/ف: bare «تابع» is mostly "affiliated to", «وتابع» is "he went on". */
  needsConjunction?: boolean;
  /** Only when this word follows within a few words: «نقل» is also "transport", «نقل عن» is not. */
  needsAfter?: string;
  /**
   * The bare 3rd person form is also a comparative: «بدت الصورة أوضح:» is "clearer". Without و/ف
   * it counts only when a word follows it that is not من/في/بكثير.
   */
  alsoComparative?: boolean;
}

/** Past forms: he, she, they, the two (m), the two (f). */
function past(p: string, dual = true): string[] {
  return dual ? [p, p + 'ت', p + 'وا', p + 'ا', p + 'تا'] : [p, p + 'ت', p + 'وا'];
}

/** Present forms from the 3rd person masculine: he, she, they, the two (m), the two (f). */
function present(i: string): string[] {
  const t = 'ت' + i.slice(1);
  return [i, t, i + 'ون', i + 'ان', t + 'ان'];
}

/**
 * Verbs of saying. Ambiguous forms are left out on purpose: «رأي» (opinion) is not «رأى» (ى is kept
 * when verbs are compared), present «يعتبر» is mostly the passive "is considered", «تبين» is
 * "it turned out", bare «بين» is "between" (only «بيّن» with its shadda is the verb).
 */
export const ATTRIBUTION_VERBS: readonly AttributionVerb[] = [
  { lemma: 'قال', forms: [...past('قال'), ...present('يقول')] },
  { lemma: 'أكد', forms: [...past('أكد'), ...present('يؤكد')] },
  { lemma: 'أوضح', forms: [...past('أوضح'), ...present('يوضح')], alsoComparative: true },
  { lemma: 'أفاد', forms: [...past('أفاد'), ...present('يفيد')] },
  { lemma: 'أشار', forms: [...past('أشار'), ...present('يشير')] },
  { lemma: 'صرّح', forms: [...past('صرح'), ...present('يصرح')] },
  { lemma: 'ذكر', forms: [...past('ذكر', false), ...present('يذكر')] },
  { lemma: 'أضاف', forms: [...past('أضاف'), ...present('يضيف')] },
  { lemma: 'أعلن', forms: [...past('أعلن'), ...present('يعلن')] },
  { lemma: 'نقل', forms: [...past('نقل', false), 'ينقل', 'تنقل'], needsAfter: 'عن' },
  { lemma: 'كشف', forms: [...past('كشف', false), ...present('يكشف')] },
  { lemma: 'نفى', forms: ['نفى', 'نفت', 'نفوا', 'نفيا', 'نفتا', 'ينفي', 'تنفي', 'ينفون'] },
  { lemma: 'حذّر', forms: [...past('حذر'), ...present('يحذر')] },
  { lemma: 'شدد', forms: [...past('شدد'), 'يشدد', 'يشددون'] },
  { lemma: 'لفت', forms: [...past('لفت', false), 'يلفت'] },
  { lemma: 'بيّن', forms: ['بيّن', 'بينت', 'بينوا', 'بينا', 'يبين', 'يبينون'] },
  { lemma: 'اعتبر', forms: past('اعتبر') },
  { lemma: 'رأى', forms: ['رأى', 'رأت', 'رأوا', 'يرى', 'يرون'] },
  { lemma: 'تابع', forms: past('تابع'), needsConjunction: true },
  { lemma: 'ختم', forms: [...past('ختم'), ...past('اختتم')], needsConjunction: true },
  { lemma: 'أورد', forms: [...past('أورد'), 'يورد', 'تورد'] },
  { lemma: 'كتب', forms: past('كتب', false) },
  { lemma: 'غرّد', forms: [...past('غرد'), 'يغرد'] },
  { lemma: 'أعرب', forms: [...past('أعرب'), ...present('يعرب')] },
  { lemma: 'نصّ', forms: ['نصت', 'ينص', 'تنص'] },
  { lemma: 'اعترف', forms: [...past('اعترف'), ...present('يعترف')] },
  { lemma: 'أقرّ', forms: ['أقرت', 'أقروا', 'يقر', 'تقر'] },
  { lemma: 'زعم', forms: [...past('زعم', false), 'يزعم', 'تزعم'] },
  { lemma: 'ادّعى', forms: ['ادعى', 'ادعت', 'ادعوا', 'يدعي', 'تدعي'] },
  { lemma: 'اتهم', forms: [...past('اتهم'), ...present('يتهم')] },
  { lemma: 'علّق', forms: ['علقت', 'علقوا', 'يعلق'] },
  { lemma: 'تساءل', forms: [...past('تساءل'), 'يتساءل'] },
  { lemma: 'تحدث', forms: [...past('تحدث'), 'يتحدث'] },
  { lemma: 'روى', forms: ['روى', 'روت', 'رووا', 'يروي', 'تروي'] },
  { lemma: 'أجاب', forms: [...past('أجاب'), 'يجيب'] },
  { lemma: 'ناشد', forms: [...past('ناشد'), ...present('يناشد')] },
  { lemma: 'أوصى', forms: ['أوصى', 'أوصت', 'أوصوا', 'يوصي', 'توصي'] },
  { lemma: 'دعا', forms: ['دعا', 'دعت', 'دعوا', 'يدعو', 'تدعو'] },
  // «طالب» (student), «وصف» (description), «توقع» (an expectation) are nouns too: their bare form only after و/ف.
  { lemma: 'طالب', forms: ['طالب'], needsConjunction: true },
  { lemma: 'طالب', forms: ['طالبت', 'طالبوا', 'يطالب', 'تطالب', 'يطالبون'] },
  { lemma: 'وصف', forms: ['وصف'], needsConjunction: true },
  { lemma: 'وصف', forms: ['وصفت', 'وصفوا', 'يصف', 'تصف', 'وصفه', 'وصفها', 'وصفته', 'وصفتها', 'يصفه', 'يصفها', 'تصفه', 'تصفها'] },
  { lemma: 'توقع', forms: ['توقع'], needsConjunction: true },
  { lemma: 'توقع', forms: ['توقعت', 'توقعوا', 'يتوقع', 'تتوقع', 'يتوقعون'] },
  // «دفع» is "paid" or "pushed" unless it argues «بأن».
  { lemma: 'دفع', forms: [...past('دفع', false), 'يدفع'], needsAfter: 'بأن' },
];

/** «…، مؤكدًا أن»: the speaker is the sentence's subject; these mark speech, they name no one. */
export const ATTRIBUTION_PARTICIPLES: readonly string[] = [
  ...['قائل', 'مضيف', 'مؤكد', 'موضح', 'مشير', 'لافت', 'معتبر', 'محذر', 'مشدد', 'مبين', 'منوه', 'معلن', 'كاشف', 'مستدرك', 'متسائل', 'واصف']
    .flatMap((s) => [s + 'ا', s + 'ة', s + 'ين', s + 'تين']),
  'نافيا', 'نافية', 'نافين',
  'بالقول', 'بقول', 'بقوله', 'بقولها', 'قوله', 'قولها',
  // «…»، هكذا ودّع القائد جماهيره: «هكذا» hands the quote to whoever the sentence names.
  'هكذا',
];

export interface AttributionPhrase {
  /** The phrase as written; only its first word may carry و. */
  phrase: string;
  /**
   * What comes before the source: `'ل'` when the phrase ends in لـ (glued to the name or standing
   * alone), a list of bridges one of which must follow (`في بيان صادر عن X`, `في بيان لـX`), or
   * nothing when the name follows directly.
   */
  then?: 'ل' | readonly string[];
  /** «حسبما ذكرت وكالة…»: one verb stands between the phrase and the source. */
  skipVerb?: boolean;
  /** The phrase names no source (`جاء في`, `ورد في`): it only tells the reader who speaks. */
  noSource?: boolean;
  /**
   * The phrase names who speaks (`على لسان X`, `في بيان صادر عن X`) rather than where the writer
   * got it (`بحسب X`, `نقلاً عن X`); like a verb's subject.
   */
  speaker?: boolean;
}

/** Longest first where one phrase starts another, so «بحسب ما» wins over «بحسب». */
export const ATTRIBUTION_PHRASES: readonly AttributionPhrase[] = [
  { phrase: 'بحسب ما', skipVerb: true },
  { phrase: 'حسب ما', skipVerb: true },
  { phrase: 'حسبما', skipVerb: true },
  { phrase: 'بحسب' },
  { phrase: 'حسب' },
  { phrase: 'وفقاً لما', skipVerb: true },
  { phrase: 'طبقاً لما', skipVerb: true },
  { phrase: 'وفقاً', then: 'ل' },
  { phrase: 'طبقاً', then: 'ل' },
  { phrase: 'وفق' },
  { phrase: 'نقلاً عن' },
  { phrase: 'على لسان', speaker: true },
  { phrase: 'استناداً إلى' },
  { phrase: 'في بيان', then: ['صادر عن', 'صادرة عن', 'ل'], speaker: true },
  { phrase: 'بيان صادر عن', speaker: true },
  { phrase: 'في تصريح', then: ['ل'] },
  { phrase: 'في تصريحات', then: ['ل'] },
  { phrase: 'في حديث', then: ['ل'] },
  { phrase: 'في مقابلة', then: ['مع'] },
  { phrase: 'على حد تعبير', speaker: true },
  { phrase: 'على حد قول', speaker: true },
  { phrase: 'جاء في', noSource: true },
  { phrase: 'ورد في', noSource: true },
];

/**
 * An interview the desk did itself: «وقال المحلل سامر حداد في تصريح خاص إن…». The person named is
 * then the article's own source (type interview), not someone quoted through a wire.
 */
export const EXCLUSIVE_MARKERS: readonly string[] = ['تصريح خاص', 'تصريحات خاصة', 'حديث خاص', 'مقابلة خاصة', 'اتصال هاتفي خاص'];

/**
 * Words that end a source's name: what follows a name in «ذكرت وكالة الأنباء الليبية أن…»,
 * «أعلنت وزارة الصحة، اليوم، …», «نقلت رويترز عن…». Compared normalized and exactly.
 */
export const NAME_STOP_WORDS: readonly string[] = [
  // أن and إن (and their forms with pronouns) are one word once the hamza is set aside.
  'أن', 'أنه', 'أنها', 'أنهم', 'أنهما', 'أننا', 'بأن', 'بأنه', 'بأنها', 'بأنهم', 'وأن', 'لأن',
  'في', 'خلال', 'يوم', 'مساء', 'صباح', 'ظهر', 'عصر', 'ليل', 'ليلة', 'فجر', 'اليوم', 'أمس', 'غداً', 'الليلة', 'الأسبوع', 'الشهر', 'العام',
  'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت',
  'عن', 'على', 'إلى', 'من', 'منذ', 'مع', 'عبر', 'أمام', 'بعد', 'قبل', 'عقب', 'أثناء', 'لدى', 'حول', 'بشأن', 'له', 'لها', 'لهم', 'ل',
  'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللذان', 'اللتان',
  'كما', 'ما', 'هذا', 'هذه', 'ذلك', 'تلك', 'حيث', 'إذ', 'بينما', 'عندما', 'لكن', 'بل', 'ثم', 'أو', 'أيضاً', 'نفسه', 'نفسها', 'ذاته', 'ذاتها', 'وقد', 'قد', 'لم', 'لن', 'لا',
];

/** The organisation words of the press: a name they lead is a medium, not a speaking body. */
export const MEDIA_KEYWORDS: readonly string[] = ['وكالة', 'صحيفة', 'جريدة', 'مجلة', 'قناة', 'موقع', 'شبكة', 'إذاعة', 'تلفزيون', 'الإذاعة', 'التلفزيون'];

/**
 * Words that make a name an organisation when they lead it in the construct form
 * («وزارة الصحة», «وكالة رويترز», «شركة أرامكو»): the name of a body that publishes or speaks.
 */
export const ORG_KEYWORDS: readonly string[] = [
  'وكالة', 'صحيفة', 'جريدة', 'مجلة', 'قناة', 'موقع', 'شبكة', 'إذاعة', 'تلفزيون', 'وزارة', 'هيئة', 'منظمة', 'مؤسسة', 'مركز',
  'معهد', 'جامعة', 'مجلس', 'اتحاد', 'لجنة', 'شركة', 'بنك', 'مصرف', 'صندوق', 'مكتب', 'مرصد', 'جهاز', 'مفوضية', 'سلطة', 'ديوان',
  'رئاسة', 'بورصة', 'محكمة', 'نقابة', 'غرفة', 'مستشفى', 'برنامج', 'أمانة', 'بلدية', 'إدارة', 'دائرة', 'حكومة', 'رابطة', 'جمعية',
  'مجموعة',
];

/**
 * Words after an organisation word that make it a description, not a name: «شركة كبيرة»,
 * «جامعة عربية» (any feminine nisba in ـية is read the same way), «مجموعة أخرى».
 */
export const ORG_GENERIC_ADJECTIVES: readonly string[] = [
  'كبير', 'كبيرة', 'صغير', 'صغيرة', 'جديد', 'جديدة', 'أخرى', 'آخر', 'عديد', 'عدة', 'واحد', 'واحدة', 'أجنبي', 'محلي', 'عربي', 'دولي',
  'خاص', 'حكومي', 'رسمي', 'عالمي', 'إقليمي', 'وطني', 'كبرى', 'ناشئة', 'متخصصة', 'متخصص',
];

/**
 * «وفقاً لبيانات مجموعة بورصات لندن», «بحسب تقرير صادر عن البنك الدولي»: the document names no one;
 * the body after it does.
 */
export const DOCUMENT_NOUNS: readonly string[] = [
  'بيانات', 'تقرير', 'أرقام', 'إحصاءات', 'إحصائيات', 'تقديرات', 'دراسة', 'مسح', 'استطلاع', 'بيان', 'إفصاح', 'وثيقة', 'وثائق',
  'نشرة', 'توقعات', 'مؤشر', 'تصنيف', 'حسابات', 'سجلات',
];

/**
 * The few of those that also lead a proper name with the article («البنك المركزي السعودي»,
 * «الهيئة العامة للإحصاء»), then with at least two more words. «الموقع الجغرافي», «الصحيفة
 * البريطانية» (a reference back to a paper already named) are not names.
 */
export const ORG_KEYWORDS_DEFINITE: readonly string[] = [
  'البنك', 'المصرف', 'الهيئة', 'المجلس', 'المرصد', 'المنظمة', 'المؤسسة', 'المفوضية', 'الاتحاد', 'اللجنة', 'المعهد', 'المركز',
  'التلفزيون', 'الإذاعة', 'الديوان', 'المكتب',
];

/**
 * Agencies and papers every desk knows, each with the names it goes by: a cited «رويترز» is a
 * source even without an organisation word, and «واس» in the body is listed by «وكالة الأنباء
 * السعودية». The newsroom registry (`.muharrir.yaml` → sources.registry) adds its own. Aliases that
 * are ordinary words (العربية, الجزيرة) are not here.
 */
export const KNOWN_MEDIA: readonly (readonly string[])[] = [
  ['رويترز', 'Reuters'],
  ['فرانس برس', 'وكالة الصحافة الفرنسية', 'فرانس بريس', 'أ ف ب', 'AFP'],
  ['أسوشيتد برس', 'أسوشيتيد برس', 'أسوشييتد برس', 'Associated Press', 'AP'],
  ['بلومبرغ', 'بلومبيرغ', 'بلومبرج', 'Bloomberg'],
  ['بي بي سي', 'BBC'],
  ['سي إن إن', 'CNN'],
  ['سكاي نيوز عربية', 'سكاي نيوز', 'Sky News'],
  ['الأناضول', 'وكالة الأناضول', 'Anadolu'],
  ['شينخوا', 'Xinhua'],
  ['تاس', 'TASS'],
  ['ريا نوفوستي', 'نوفوستي', 'RIA Novosti'],
  ['سبوتنيك', 'Sputnik'],
  ['إنترفاكس', 'Interfax'],
  ['يونهاب', 'Yonhap'],
  ['كيودو', 'Kyodo'],
  ['إرنا', 'IRNA'],
  ['الوكالة الألمانية', 'د ب أ', 'DPA'],
  ['وكالة الأنباء السعودية', 'واس', 'SPA'],
  ['وكالة أنباء الإمارات', 'وام', 'WAM'],
  ['وكالة الأنباء القطرية', 'قنا', 'QNA'],
  ['وكالة الأنباء الكويتية', 'كونا', 'KUNA'],
  ['وكالة الأنباء الأردنية', 'بترا', 'Petra'],
  ['الوكالة العربية السورية للأنباء', 'سانا', 'SANA'],
  ['وكالة أنباء الشرق الأوسط', 'أ ش أ', 'MENA'],
  ['وكالة الأنباء العمانية', 'ONA'],
  ['وكالة أنباء البحرين', 'BNA'],
  ['وكالة الأنباء الليبية', 'LANA'],
  ['وكالة المغرب العربي للأنباء', 'لاماب', 'MAP'],
  ['وكالة الأنباء الجزائرية', 'واج', 'APS'],
  ['وكالة تونس أفريقيا للأنباء', 'وات', 'TAP'],
  ['وكالة الأنباء العراقية', 'واع', 'INA'],
  ['وكالة الأنباء الفلسطينية', 'وفا', 'WAFA'],
  ['الوكالة الوطنية للإعلام', 'NNA'],
  ['نيويورك تايمز', 'New York Times', 'The New York Times'],
  ['واشنطن بوست', 'Washington Post', 'The Washington Post'],
  ['وول ستريت جورنال', 'Wall Street Journal', 'The Wall Street Journal', 'WSJ'],
  ['فايننشال تايمز', 'فاينانشال تايمز', 'Financial Times', 'FT'],
  ['الغارديان', 'الجارديان', 'The Guardian', 'Guardian'],
  ['لوموند', 'Le Monde'],
  ['أكسيوس', 'Axios'],
  ['بوليتيكو', 'Politico'],
  ['الإيكونوميست', 'The Economist'],
  ['روسيا اليوم', 'RT'],
  ['المصري اليوم'],
  ['اليوم السابع'],
  ['الأهرام', 'صحيفة الأهرام'],
  ['الشرق الأوسط', 'صحيفة الشرق الأوسط'],
  ['القدس العربي'],
  ['العربي الجديد'],
  ['عكاظ'],
  ['هآرتس', 'Haaretz'],
  ['يديعوت أحرونوت'],
  ['تايمز أوف إسرائيل', 'Times of Israel'],
  ['الإندبندنت', 'The Independent'],
  ['دير شبيغل', 'Der Spiegel'],
  ['لو فيغارو', 'Le Figaro'],
];

/** International bodies every desk knows, with their other names. */
export const KNOWN_BODIES: readonly (readonly string[])[] = [
  ['الأمم المتحدة', 'United Nations', 'UN'],
  ['البنك الدولي', 'World Bank'],
  ['صندوق النقد الدولي', 'IMF'],
  ['منظمة الصحة العالمية', 'WHO'],
  ['الاتحاد الأوروبي', 'European Union', 'EU'],
  ['أوبك', 'منظمة البلدان المصدرة للبترول', 'OPEC'],
  ['اليونيسف', 'UNICEF'],
  ['منظمة العفو الدولية', 'Amnesty International'],
  ['هيومن رايتس ووتش', 'Human Rights Watch'],
  ['أطباء بلا حدود', 'منظمة أطباء بلا حدود', 'MSF'],
  ['الاتحاد الدولي لكرة القدم', 'فيفا', 'FIFA'],
  ['جامعة الدول العربية', 'الجامعة العربية'],
  ['مجلس التعاون لدول الخليج العربية', 'مجلس التعاون الخليجي'],
  ['اللجنة الدولية للصليب الأحمر', 'الصليب الأحمر', 'ICRC'],
  ['الوكالة الدولية للطاقة الذرية', 'IAEA'],
  ['وكالة الطاقة الدولية', 'IEA'],
];

/**
 * What a wire-style `المصدر:` line may say that is not a source to list: the desk's own work or
 * a credit to "agencies" in general.
 */
export const GENERIC_SOURCE_LINE_NAMES: readonly string[] = [
  'وكالات', 'متابعات', 'خاص', 'بتصرف', 'مواقع', 'مواقع إلكترونية', 'وسائل إعلام', 'وسائل الإعلام', 'مواقع التواصل',
  'مواقع التواصل الاجتماعي', 'مصادر متعددة', 'مصادر متنوعة', 'الموقع', 'المحرر', 'فريق التحرير',
];

/** Nouns that stand for an unnamed source when an attribution names nothing else («قالت مصادر إن»). */
export const ANONYMOUS_HEADS: readonly string[] = ['مصدر', 'مصادر', 'مصدران', 'مصدرين'];

export const ANONYMOUS_ADJECTIVES: readonly [string, string][] = [
  // [singular, plural] as they follow مصدر / مصادر
  ['مطلع', 'مطلعة'],
  ['مسؤول', 'مسؤولة'],
  ['دبلوماسي', 'دبلوماسية'],
  ['أمني', 'أمنية'],
  ['عسكري', 'عسكرية'],
  ['مقرب', 'مقربة'],
  ['قريب', 'قريبة'],
  ['رفيع', 'رفيعة'],
];

/**
 * Adjectives that make «مصادر» a source only when an attribution introduces it («قالت مصادر
 * حكومية», «بحسب مصادر طبية»): on their own they are as often supplies or funding («من مصادر
 * خاصة», «تمويل من مصادر حكومية»).
 */
export const ANONYMOUS_ADJECTIVES_AFTER_ATTRIBUTION: readonly [string, string][] = [
  ['خاص', 'خاصة'],
  ['رسمي', 'رسمية'],
  ['حكومي', 'حكومية'],
  ['موثوق', 'موثوقة'],
  ['سياسي', 'سياسية'],
  ['طبي', 'طبية'],
  ['مصرفي', 'مصرفية'],
  ['قضائي', 'قضائية'],
  ['برلماني', 'برلمانية'],
];

const WITHHOLD_VERBS = ['طلب', 'طلبت', 'طلبوا', 'طالباً', 'طالبة', 'فضل', 'فضلت', 'فضلوا', 'مفضلاً', 'مفضلة', 'رفض', 'رفضت', 'رفضوا', 'رافضاً'];
const WITHHOLD_OBJECTS = ['عدم الكشف عن هويته', 'عدم الكشف عن هويتها', 'عدم الكشف عن هويتهم', 'عدم الكشف عن اسمه', 'عدم الكشف عن اسمها',
  'عدم ذكر اسمه', 'عدم ذكر اسمها', 'عدم ذكر أسمائهم', 'عدم نشر اسمه', 'عدم نشر اسمها', 'عدم الإفصاح عن هويته', 'عدم الإفصاح عن هويتها',
  'عدم الإفصاح عن اسمه'];
const REFUSE_OBJECTS = ['الكشف عن هويته', 'الكشف عن هويتها', 'الكشف عن هويتهم', 'الكشف عن اسمه', 'الكشف عن اسمها', 'ذكر اسمه', 'ذكر اسمها',
  'الإفصاح عن هويته', 'الإفصاح عن اسمه'];

/**
 * Phrases that cite a source without naming it, with their gender and number variants; the
 * article on the adjective is tolerated when matching («المصادر المطلعة»).
 */
export const ANONYMOUS_PHRASES: readonly string[] = [
  ...ANONYMOUS_ADJECTIVES.flatMap(([sg, pl]) => [`مصدر ${sg}`, `مصادر ${pl}`, `مصدران ${sg}ان`, `مصدرين ${sg}ين`]),
  'مصادر متطابقة',
  // «مسؤول مطلع», «دبلوماسي مطلع»: «مطلع» (informed) is the formula of an unnamed person.
  ...['مسؤول', 'دبلوماسي'].flatMap((p) => [`${p} مطلع`, `${p}ة مطلعة`, `${p}ون مطلعون`, `${p}ين مطلعين`, `${p}ان مطلعان`]),
  ...WITHHOLD_VERBS.flatMap((v) => (v.startsWith('رف') || v.startsWith('راف') ? REFUSE_OBJECTS : WITHHOLD_OBJECTS).map((o) => `${v} ${o}`)),
  ...['شريطة', 'شرط', 'بشرط', 'مشترطاً', 'مشترطة'].flatMap((v) => WITHHOLD_OBJECTS.map((o) => `${v} ${o}`)),
  // Vowel marks do not count: «لم يُكشف عن هويته» (passive) is matched by «لم يكشف عن هويته».
  'لم يكشف عن هويته', 'لم تكشف عن هويتها', 'لم تكشف هويتها', 'لم يكشف هويته', 'لم يكشفوا عن هويتهم',
  'لم تكشف هويته', 'لم يتم الكشف عن هويته', 'لم تسمها', 'لم يسمه', 'لم تسمه',
];

/**
 * A quote right after one of these is a name, not speech: «صحيفة “ذا نورث أفريكا بوست”», «تحت
 * شعار «معاً نحو…»», «بعنوان «…»», «ما يُعرف بـ«…»».
 */
export const QUOTE_TITLE_NOUNS: readonly string[] = [
  'صحيفة', 'جريدة', 'مجلة', 'وكالة', 'قناة', 'موقع', 'شبكة', 'إذاعة', 'منصة', 'تطبيق', 'حساب', 'صفحة', 'وسم', 'هاشتاغ', 'هاشتاج',
  'برنامج', 'كتاب', 'رواية', 'فيلم', 'مسلسل', 'مسرحية', 'أغنية', 'ألبوم', 'قصيدة', 'ديوان', 'لوحة', 'معرض', 'مهرجان', 'مؤتمر', 'منتدى',
  'ملتقى', 'ندوة', 'ورشة', 'قمة', 'مسابقة', 'بطولة', 'جائزة', 'دورة', 'مبادرة', 'حملة', 'مشروع', 'خطة', 'رؤية', 'استراتيجية', 'وثيقة',
  'تقرير', 'دراسة', 'مقال', 'مقالة', 'قانون', 'نظام', 'لائحة', 'اتفاقية', 'اتفاق', 'إعلان', 'عملية', 'حركة', 'حزب', 'تحالف', 'ائتلاف',
  'جماعة', 'تنظيم', 'شركة', 'فرقة', 'مجموعة', 'شعار', 'عنوان', 'بعنوان', 'اسم', 'باسم', 'لقب', 'مصطلح', 'عبارة', 'كلمة', 'وصف',
  'المسمى', 'المسماة', 'المعروف', 'المعروفة', 'يسمى', 'تسمى', 'سمي', 'سميت', 'يعرف', 'تعرف', 'عرف', 'عرفت', 'يدعى', 'تدعى', 'عملة',
  // Verse, proverbs and chants are quoted, not said by a source.
  'بيت', 'مثل', 'آية', 'هتاف', 'هتافات', 'شعارات', 'لافتة', 'لافتات', 'عبارات',
];
