/**
 * Text that comes along when an article is copied from a web page: the comment form, share
 * buttons, "read also" and "more from the author" blocks, newsletter prompts. Matched against a
 * whole line of the body (normalized: hamza seats, alef maqsura, taa marbuta, tanween and
 * tatweel do not matter), never inside a sentence.
 */

export type BoilerplateTail =
  /** The line is the phrase and nothing else (punctuation and `*` aside). */
  | 'none'
  /** After the phrase only names of social networks may follow: «شارك على فيسبوك وتويتر». */
  | 'social'
  /** After the phrase and a colon, a linked headline may follow: «اقرأ أيضاً: …». */
  | 'headline'
  /** The phrase opens a form label whose wording varies: any short rest of the line. */
  | 'label'
  /** A call to follow the site: network names, then a short rest («… لمعرفة آخر المستجدات»). */
  | 'follow'
  /** Anywhere in a short line: «© 2025 جميع الحقوق محفوظة لـ…». */
  | 'anywhere';

export interface BoilerplateEntry {
  phrase: string;
  tail: BoilerplateTail;
}

const entry = (tail: BoilerplateTail) => (phrase: string): BoilerplateEntry => ({ phrase, tail });

export const BOILERPLATE: readonly BoilerplateEntry[] = [
  // The comment form.
  ...[
    'اترك تعليقاً',
    'اترك تعليق',
    'اترك رداً',
    'اترك رد',
    'أضف تعليقاً',
    'أضف تعليق',
    'أضف تعليقك',
    'التعليقات',
    'التعليقات مغلقة',
    'التعليقات مغلقة على هذا الخبر',
    'لا توجد تعليقات',
    'كن أول من يعلق',
    'إلغاء الرد',
    'إرسال التعليق',
    'أرسل التعليق',
    'لن يتم نشر عنوان بريدك الإلكتروني',
    'لن يتم نشر بريدك الإلكتروني',
    'الحقول الإلزامية مشار إليها بـ',
    'الحقول المطلوبة مشار إليها بـ',
    'الحقول المطلوبة عليها علامة',
    'Leave a reply',
    'Leave a comment',
    'Cancel reply',
    'Post comment',
    'Comments are closed',
    'Your email address will not be published',
    'Required fields are marked',
  ].map(entry('none')),
  ...['حفظ اسمي', 'احفظ اسمي', 'Save my name'].map(entry('label')),
  // Related links and navigation.
  ...[
    'اقرأ أيضاً',
    'اقرأ المزيد',
    'المزيد من الكاتب',
    'المزيد للكاتب',
    'المزيد من الأخبار',
    'مقالات ذات صلة',
    'أخبار ذات صلة',
    'مواضيع ذات صلة',
    'موضوعات ذات صلة',
    'قد يعجبك أيضاً',
    'المقال السابق',
    'المقال التالي',
    'الخبر السابق',
    'الخبر التالي',
    'Read also',
    'Read more',
    'Related posts',
    'Related articles',
    'You may also like',
    'More from the author',
    'Previous article',
    'Next article',
  ].map(entry('headline')),
  // Sharing and following.
  ...[
    'شارك',
    'شارك هذا المقال',
    'شارك المقال',
    'شارك هذا الخبر',
    'شارك الخبر',
    'شارك على',
    'شارك عبر',
    'شاركها على',
    'Share this',
    'Share on',
    'Click to share on',
    'Like this',
  ].map(entry('social')),
  ...['تابعونا على', 'تابعونا عبر', 'تابعنا على', 'تابعنا عبر', 'تابعوا', 'Follow us on'].map(entry('follow')),
  // Page footers.
  ...['جميع الحقوق محفوظة', 'حقوق النشر محفوظة', 'كل الحقوق محفوظة', 'All rights reserved'].map(entry('anywhere')),
  // Newsletters: the prompt and whatever it promises («… ليصلك كل جديد»).
  ...[
    'اشترك في النشرة البريدية',
    'اشترك في نشرتنا البريدية',
    'اشترك في النشرة الإخبارية',
    'اشترك في نشرتنا الإخبارية',
    'Subscribe to our newsletter',
  ].map(entry('label')),
  ...['اشترك الآن'].map(entry('none')),
];

/** What may follow a sharing phrase on its line. */
export const SOCIAL_NETWORKS: readonly string[] = [
  'فيسبوك', 'فيس بوك', 'تويتر', 'إكس', 'واتساب', 'واتس اب', 'واتس آب', 'تيليجرام', 'تيليغرام', 'تلغرام', 'تلجرام',
  'إنستغرام', 'انستغرام', 'إنستجرام', 'انستجرام', 'يوتيوب', 'لينكدإن', 'لينكد إن', 'تيك توك', 'سناب شات', 'البريد الإلكتروني',
  'Facebook', 'Twitter', 'X', 'WhatsApp', 'Telegram', 'Instagram', 'YouTube', 'LinkedIn', 'TikTok', 'Snapchat', 'Email', 'Pinterest', 'Reddit',
];

/** Longest rest of a line a form label may have ("… in this browser for the next time I comment"). */
export const LABEL_TAIL_WORDS = 20;
/** Longest linked headline after «اقرأ أيضاً:». */
export const HEADLINE_TAIL_WORDS = 25;
/** Longest rest of a follow-us line after the network names. */
export const FOLLOW_TAIL_WORDS = 8;
/** Longest footer line holding a copyright phrase. */
export const FOOTER_WORDS = 12;
