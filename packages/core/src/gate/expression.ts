import { describeName } from './tokenizer.ts';
import type { Aggregate, Expr } from './rule.ts';

/** Where the values an expression names come from. */
export interface ExprValues {
  /** The baseline value of a metric; bare `baseline` asks for the rule's own. */
  baseline(metric: string): number;
  /** An aggregate over the replicates of a metric, the baseline's or the candidate's. */
  aggregate(aggregate: Aggregate, of: 'baseline' | 'candidate', metric: string): number;
}

/** Thrown by `evaluateExpr` when a divisor is zero; `evaluateRules` turns it into an `error` verdict. */
export class DivisionByZero extends Error {
  readonly divisor: Expr;

  constructor(divisor: Expr) {
    super('division by zero');
    this.name = 'DivisionByZero';
    this.divisor = divisor;
  }
}

/**
 * Thrown by `evaluateExpr` when a part of the expression is Infinity or NaN (an overflow, a NaN
 * baseline): every later step would be meaningless, and `evaluateRules` makes it an `error` verdict.
 */
export class NotFinite extends Error {
  readonly part: Expr;
  readonly value: number;

  constructor(part: Expr, value: number) {
    super(`${formatExpr(part)} is ${value}`);
    this.name = 'NotFinite';
    this.part = part;
    this.value = value;
  }
}

/**
 * The value of a right-hand side; `values` gives what it names, and a name without a metric
 * (`baseline`, `mean(baseline)`) asks for `metric`, the rule's own. Division by zero throws
 * DivisionByZero rather than yield an infinity nobody meant, and any part that is not finite
 * throws NotFinite, so a threshold is always a finite number.
 */
export function evaluateExpr(expr: Expr, metric: string, values: ExprValues): number {
  const value = evaluatePart(expr, metric, values);
  if (!Number.isFinite(value)) throw new NotFinite(expr, value);
  return value;
}

function evaluatePart(expr: Expr, metric: string, values: ExprValues): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'baseline':
      return values.baseline(expr.metric ?? metric);
    case 'aggregate':
      return values.aggregate(expr.aggregate, expr.of, expr.metric ?? metric);
    case 'negate':
      return -evaluateExpr(expr.operand, metric, values);
    case 'binary':
      return arithmetic(expr, evaluateExpr(expr.left, metric, values), evaluateExpr(expr.right, metric, values));
    case 'margin': {
      const base = evaluateExpr(expr.base, metric, values);
      const up = expr.direction === 'above' ? base >= 0 : base < 0;
      return base * (up ? 1 + expr.percent / 100 : 1 - expr.percent / 100);
    }
  }
}

function arithmetic(expr: Expr & { kind: 'binary' }, left: number, right: number): number {
  switch (expr.op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      if (right === 0) throw new DivisionByZero(expr.right);
      return left / right;
  }
}

/** The metrics an expression reads from each side: the baseline's, and the candidate's replicates. */
export function exprMetrics(expr: Expr, metric: string): { baseline: Set<string>; candidate: Set<string> } {
  const found = { baseline: new Set<string>(), candidate: new Set<string>() };
  const visit = (e: Expr): void => {
    if (e.kind === 'baseline') found.baseline.add(e.metric ?? metric);
    else if (e.kind === 'aggregate') found[e.of].add(e.metric ?? metric);
    else if (e.kind === 'negate') visit(e.operand);
    else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === 'margin') visit(e.base);
  };
  visit(expr);
  return found;
}

/** The metrics whose baseline values an expression needs. */
export function baselineMetrics(expr: Expr, metric: string): Set<string> {
  return exprMetrics(expr, metric).baseline;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/** An expression written back as rule text, with only the parentheses it needs. */
export function formatExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'baseline':
      return expr.metric === undefined ? 'baseline' : `baseline.${describeName(expr.metric)}`;
    case 'aggregate':
      return `${expr.aggregate}(${aggregateArgument(expr)})`;
    case 'negate': {
      const inner = formatExpr(expr.operand);
      return expr.operand.kind === 'binary' || expr.operand.kind === 'margin' ? `-(${inner})` : `-${inner}`;
    }
    case 'binary': {
      const own = PRECEDENCE[expr.op];
      const side = (e: Expr, strict: boolean): string => {
        const text = formatExpr(e);
        const inner = e.kind === 'binary' ? PRECEDENCE[e.op] : e.kind === 'margin' ? 1 : 3;
        return inner < own || (strict && inner === own) ? `(${text})` : text;
      };
      return `${side(expr.left, false)} ${expr.op} ${side(expr.right, true)}`;
    }
    case 'margin':
      return `${formatExpr(expr.base)} ${expr.direction === 'above' ? '+' : '-'} ${expr.percent}%`;
  }
}

function aggregateArgument(expr: Expr & { kind: 'aggregate' }): string {
  if (expr.of === 'baseline')
    return formatExpr({ kind: 'baseline', ...(expr.metric === undefined ? {} : { metric: expr.metric }) });
  const metric = expr.metric!;
  // Bare `baseline` and `baseline.x` in an aggregate mean the baseline's runs, so a candidate metric of such a name is quoted.
  return metric === 'baseline' || metric.startsWith('baseline.') ? `\`${metric}\`` : describeName(metric);
}
