import type { Rule } from '../../engine/rule';

/** Rules on dates in the body, in the order they run and are documented. */
export const DATE_BODY_RULES: readonly Rule[] = [];
