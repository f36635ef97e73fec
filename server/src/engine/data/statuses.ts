import type { Bilingual } from '../types';

/**
 * The workflow statuses of DESIGN §2 and the article badges as the desk names them (the Newsroom
 * view, the HTML report).
 * Data only: the VS Code client imports it at activation, so it must not pull in the engine.
 */
export const STATUS_LABELS: Readonly<Record<'draft' | 'review' | 'approved' | 'published', Bilingual>> = {
  draft: { en: 'Draft', ar: 'مسودة' },
  review: { en: 'In review', ar: 'قيد المراجعة' },
  approved: { en: 'Approved', ar: 'معتمد' },
  published: { en: 'Published', ar: 'منشور' },
};

/** The desk's badges on an article (ArticleSummary.badges), short, in this order. */
export const BADGE_LABELS: Readonly<Record<'sourcesMissing' | 'dateMissing' | 'dateBroken', Bilingual>> = {
  sourcesMissing: { en: 'no sources', ar: 'بلا مصادر' },
  dateMissing: { en: 'no date', ar: 'بلا تاريخ' },
  dateBroken: { en: 'broken date', ar: 'تاريخ معطوب' },
};

/** A status the newsroom did not list, or an unreadable one. */
export const NO_STATUS_LABEL: Bilingual = { en: 'No status', ar: 'بلا حالة' };
