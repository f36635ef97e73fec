import type { Rule } from '../../engine/rule';
import { weekdayMismatch } from './weekdayMismatch';
import { hijriMismatch } from './hijriMismatch';
import { dateBodyMismatch } from './dateBodyMismatch';
import { relativeDate } from './relativeDate';

/** Rules on dates in the body, in the order they run and are documented. */
export const DATE_BODY_RULES: readonly Rule[] = [weekdayMismatch, hijriMismatch, dateBodyMismatch, relativeDate];
