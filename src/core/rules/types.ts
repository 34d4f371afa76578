/**
 * The rule catalogue's shape, after ESLint's rules: each rule is one module with `meta` and a
 * `check` over a form snapshot, plus its own table of passing and failing cases.
 */
import type { Bilingual, SectionId } from '../form/types';
import type { FormSnapshot, SnapCell } from '../snapshot/types';
import type { ParsedValue, ValueHint } from '../values/types';

export type Severity = 'error' | 'warning' | 'info';

/** A one-click fix: the exact new content of exactly one cell. */
export interface Fix {
  address: string;
  value: string | number;
  /** What the button says, e.g. { zh: '改为“绩效创新型”', en: 'Change to 绩效创新型' }. */
  label: Bilingual;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  section: SectionId;
  /** The cells the finding is about; the first is where the user is taken. */
  cells: string[];
  message: Bilingual;
  fix?: Fix;
  /**
   * The finding only says that something is not filled in yet (a required field or value is
   * empty). Reviewers treat it like any other; while a user is filling the form, the add-in lists
   * it under 待填写 instead of painting the empty cell.
   */
  incomplete?: boolean;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** Sections whose cells the rule reads: the engine re-runs a rule only when one of them changed. */
  sections: SectionId[];
  description: Bilingual;
  fixable: boolean;
}

export interface RuleContext {
  snapshot: FormSnapshot;
  /** Parse a cell (memoised per snapshot). */
  parse(cell: SnapCell | undefined, hint?: ValueHint): ParsedValue;
  /** Report a finding; severity defaults to the rule's, section to the rule's first. */
  report(
    finding: Omit<Finding, 'ruleId' | 'severity' | 'section'> & {
      severity?: Severity;
      section?: SectionId;
    },
  ): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
