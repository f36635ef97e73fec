import type { Rule } from '../../engine/rule';

/** Rules on sources and quotes in the body, in the order they run and are documented. */
export const SOURCE_BODY_RULES: readonly Rule[] = [];
