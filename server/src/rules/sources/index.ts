import type { Rule } from '../../engine/rule';
import { sourceUnlisted } from './sourceUnlisted';
import { quoteUnattributed } from './quoteUnattributed';
import { sourceAnonymous } from './sourceAnonymous';

/** Rules on sources and quotes in the body, in the order they run and are documented. */
export const SOURCE_BODY_RULES: readonly Rule[] = [sourceUnlisted, quoteUnattributed, sourceAnonymous];
