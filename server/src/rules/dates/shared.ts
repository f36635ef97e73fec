import type { RuleContext } from '../../engine/rule';
import { dateExpressions, type BodyDates } from '../../engine/arabic/dateExpressions';

/**
 * The body's dates for a rule. `anchor` (the `date` day) is withheld when the frontmatter could not
 * be read cleanly: on broken YAML the writer sees `frontmatter-syntax`, not guesses counted from it.
 */
export function bodyDates(ctx: RuleContext): BodyDates {
  const all = dateExpressions(ctx.doc, ctx.timeZone);
  return ctx.fm ? all : { ...all, anchor: null };
}

/** «اليوم», «أمس الأحد»: the words as written, for messages. */
export function quoted(text: string): string {
  return `«${text.replace(/\s+/g, ' ').trim()}»`;
}

export function days(n: number): { en: string; ar: string } {
  return {
    en: `${n} day${n === 1 ? '' : 's'}`,
    ar: n === 1 ? 'يوم واحد' : n === 2 ? 'يومان' : n <= 10 ? `${n} أيام` : `${n} يومًا`,
  };
}
