import type { Rule } from '../../engine/rule';
import { arabicPunctuation } from './arabicPunctuation';
import { missingSpace } from './missingSpace';
import { doubleSpace } from './doubleSpace';
import { mixedDigits } from './mixedDigits';
import { hamzaCommonError } from './hamzaCommonError';
import { tatweel } from './tatweel';
import { bidiControl } from './bidiControl';
import { mojibake } from './mojibake';
import { webBoilerplate } from './webBoilerplate';
import { duplicateHeadline } from './duplicateHeadline';

/** Rules on Arabic typography and copy hygiene, in the order they run and are documented. */
export const TYPOGRAPHY_RULES: readonly Rule[] = [
  arabicPunctuation,
  missingSpace,
  doubleSpace,
  mixedDigits,
  hamzaCommonError,
  tatweel,
  bidiControl,
  mojibake,
  webBoilerplate,
  duplicateHeadline,
];
