/**
 * The first half of the rule catalogue: what a reviewer checks by eye — header, funding
 * arithmetic, required texts and conversion residue, year labels, and the indicator tables'
 * completeness and enumerations. In the order a reviewer goes through the form.
 */
import type { Rule } from './types';
import { rule as headerRequired } from './header-required';
import { rule as phoneFormat } from './phone-format';
import { rule as yearHeaders } from './year-headers';
import { rule as numberStoredAsText } from './number-stored-as-text';
import { rule as numberRequired } from './number-required';
import { rule as fundingAmount } from './funding-amount';
import { rule as fundingTotal } from './funding-total';
import { rule as fundingBalance } from './funding-balance';
import { rule as fundingShare } from './funding-share';
import { rule as textRequired } from './text-required';
import { rule as conversionResidue } from './conversion-residue';
import { rule as goalsCopied } from './goals-copied';
import { rule as indicatorRequired } from './indicator-required';
import { rule as placeholderRow } from './placeholder-row';
import { rule as level1Enum } from './level1-enum';
import { rule as level2Placement } from './level2-placement';
import { rule as basisEnum } from './basis-enum';
import { rule as categoryEnum } from './category-enum';
import { rule as duplicateIndicator } from './duplicate-indicator';

export const basicRules: Rule[] = [
  headerRequired,
  phoneFormat,
  yearHeaders,
  numberStoredAsText,
  numberRequired,
  fundingAmount,
  fundingTotal,
  fundingBalance,
  fundingShare,
  textRequired,
  conversionResidue,
  goalsCopied,
  indicatorRequired,
  placeholderRow,
  level1Enum,
  level2Placement,
  basisEnum,
  categoryEnum,
  duplicateIndicator,
];
