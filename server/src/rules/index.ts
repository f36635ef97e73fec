import type { Rule } from '../engine/rule';
import { frontmatterMissing } from './frontmatterMissing';
import { frontmatterSyntax } from './frontmatterSyntax';
import { requiredField } from './requiredField';
import { fieldType } from './fieldType';
import { unknownField } from './unknownField';
import { duplicateKey } from './duplicateKey';
import { sourcesMissing } from './sourcesMissing';
import { sourceIncomplete } from './sourceIncomplete';
import { dateMissing } from './dateMissing';
import { dateInvalid } from './dateInvalid';
import { dateTimezone } from './dateTimezone';
import { dateOrder } from './dateOrder';
import { dateFuture } from './dateFuture';
import { SOURCE_BODY_RULES } from './sources';
import { DATE_BODY_RULES } from './dates';
import { TYPOGRAPHY_RULES } from './typography';

/** The rule registry, in the order rules run and are documented. Ids are the stable diagnostic codes. */
export const RULES: readonly Rule[] = [
  frontmatterMissing,
  frontmatterSyntax,
  requiredField,
  fieldType,
  unknownField,
  duplicateKey,
  sourcesMissing,
  sourceIncomplete,
  dateMissing,
  dateInvalid,
  dateTimezone,
  dateOrder,
  dateFuture,
  ...SOURCE_BODY_RULES,
  ...DATE_BODY_RULES,
  ...TYPOGRAPHY_RULES,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
