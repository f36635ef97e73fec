import type { Rule } from '../../engine/rule';

/** Rules on Arabic typography and copy hygiene, in the order they run and are documented. */
export const TYPOGRAPHY_RULES: readonly Rule[] = [];
