/**
 * The parsed form of a gate rule. `parseRules` produces it from text and `evaluateRules` judges it;
 * shorthands (`accuracy: no-drop 0.01`) are turned into the same shape as the rules they stand for.
 */

export const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const AGGREGATES = ['mean', 'min', 'max', 'median', 'std'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/**
 * Per-column statistics of monitor's drift report, written `psi(age)`: on the left of a rule they
 * name the value `psi(age)` that monitor puts beside the live metrics.
 */
export const DRIFT_STATISTICS = ['ks', 'ks_p', 'psi', 'wasserstein', 'chi2_p', 'js'] as const;

export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** The right-hand side of a rule. */
export type Expr =
  | { kind: 'number'; value: number }
  /** A baseline value: of the rule's own metric when `metric` is absent (`baseline`), else of `metric` (`baseline.loss`). */
  | { kind: 'baseline'; metric?: string }
  /**
   * An aggregate over the replicates of the experiment being judged: of the baseline's runs
   * (`mean(baseline)`, `std(baseline.loss)`: `metric` absent means the rule's own), or of the
   * candidate's runs (`std(accuracy)`, `metric` always present).
   */
  | { kind: 'aggregate'; aggregate: Aggregate; of: 'baseline' | 'candidate'; metric?: string }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; op: ArithmeticOperator; left: Expr; right: Expr }
  /**
   * `base` moved up (`above`) or down (`below`) by `percent` percent of its magnitude: what the
   * `no-rise 5%` / `no-drop 5%` shorthands mean. For a positive base, `above` is base * 1.05; using
   * the magnitude keeps a negative base (a log-likelihood, say) moving the intended way.
   */
  | { kind: 'margin'; base: Expr; percent: number; direction: 'above' | 'below' };

export interface Rule {
  /** The rule as written, trimmed, without its comment. */
  text: string;
  /** 1-based line in the source text. */
  line: number;
  /** The metric judged on the left-hand side. */
  metric: string;
  /** Present when the left-hand side is `mean(metric)` and the like. */
  aggregate?: Aggregate;
  op: Comparison;
  threshold: Expr;
  /**
   * Present for `no-drop significant` and `no-rise significant`: the rule fails only when the
   * candidate's replicates are worse than the baseline's, moved by the threshold's margin, at
   * Welch's p < alpha. `direction` says which way is better.
   */
  significance?: Significance;
}

export interface Significance {
  direction: 'higher' | 'lower';
}
