import type { Bilingual } from './types';

export type FieldType =
  | 'string'
  | 'string-list'
  | 'string-or-list'
  | 'datetime'
  | 'sources'
  | 'language'
  | 'number'
  | 'boolean';

export interface FieldSpec {
  type: FieldType;
  required: boolean;
  enum?: string[];
  /** Counted in letters: diacritics and tatweel do not count. */
  maxLength?: number;
  description: Bilingual;
  /** What a completion or a quick fix offers for a new value. */
  example?: string;
}

export type Profile = Record<string, FieldSpec>;

export const STATUSES = ['draft', 'review', 'approved', 'published'] as const;
export const SOURCE_TYPES = ['agency', 'official', 'document', 'interview', 'media', 'anonymous'] as const;
export const SOURCE_KEYS = ['name', 'url', 'type', 'reason', 'accessed'] as const;
export const DATE_FIELDS = ['date', 'updated', 'embargo'] as const;

/** The default profile of DESIGN §2; `.muharrir.yaml` changes it per newsroom. */
export function defaultProfile(): Profile {
  return {
    title: {
      type: 'string',
      required: true,
      maxLength: 110,
      description: {
        en: 'The headline. Its length is counted without diacritics and tatweel.',
        ar: 'العنوان الرئيسي للخبر. يُحسب طوله دون التشكيل والتطويل.',
      },
    },
    summary: {
      type: 'string',
      required: false,
      maxLength: 300,
      description: {
        en: 'The standfirst: one or two sentences shown under the headline and on share cards.',
        ar: 'الموجز: جملة أو جملتان تظهران تحت العنوان وفي بطاقات المشاركة.',
      },
    },
    date: {
      type: 'datetime',
      required: true,
      description: {
        en: 'Publication time, ISO 8601 with an offset, e.g. 2025-06-02T18:00:00+02:00.',
        ar: 'وقت النشر بصيغة ISO 8601 مع فارق التوقيت، مثل 2025-06-02T18:00:00+02:00.',
      },
    },
    updated: {
      type: 'datetime',
      required: false,
      description: {
        en: 'Time of the last substantive update; never before `date`.',
        ar: 'وقت آخر تحديث جوهري؛ لا يسبق `date`.',
      },
    },
    embargo: {
      type: 'datetime',
      required: false,
      description: {
        en: 'Not to be published before this time; a published article cannot be dated before it.',
        ar: 'لا يُنشر الخبر قبل هذا الوقت؛ ولا يجوز أن يسبقه تاريخ خبر منشور.',
      },
    },
    author: {
      type: 'string-or-list',
      required: true,
      description: {
        en: 'The byline: a name or a list of names.',
        ar: 'اسم الكاتب أو قائمة بأسماء الكتّاب.',
      },
    },
    section: {
      type: 'string',
      required: false,
      description: {
        en: 'The desk or section; the newsroom lists the allowed values in .muharrir.yaml.',
        ar: 'القسم الذي ينشر الخبر؛ تحدد غرفة الأخبار القيم المسموح بها في \u200E.muharrir.yaml.',
      },
    },
    tags: {
      type: 'string-list',
      required: false,
      description: { en: 'Keywords, a list of strings.', ar: 'الوسوم: قائمة كلمات مفتاحية.' },
    },
    status: {
      type: 'string',
      required: false,
      enum: [...STATUSES],
      example: 'draft',
      description: {
        en: 'Workflow state: draft, review, approved or published (default draft).',
        ar: 'مرحلة التحرير: draft مسودة، review مراجعة، approved معتمد، published منشور (الافتراضي draft).',
      },
    },
    sources: {
      type: 'sources',
      required: true,
      description: {
        en: 'Every source the article relies on: a name, or {name, url, type, reason, accessed}. type is agency, official, document, interview, media or anonymous; anonymous needs a reason.',
        ar: 'كل مصدر يعتمد عليه الخبر: اسم، أو {name, url, type, reason, accessed}. النوع: agency وكالة، official جهة رسمية، document وثيقة، interview مقابلة، media وسيلة إعلام، anonymous مجهّل ويلزمه reason سبب.',
      },
    },
    dateline: {
      type: 'string',
      required: false,
      description: { en: 'The city the story is filed from.', ar: 'المدينة التي كُتب منها الخبر.' },
    },
    language: {
      type: 'language',
      required: false,
      example: 'ar',
      description: {
        en: 'BCP 47 language tag of the article (default ar).',
        ar: 'وسم لغة الخبر وفق BCP 47 (الافتراضي ar).',
      },
    },
  };
}
