import type { Expr, Rule } from './rule.ts';

function usesBaseline(expr: Expr): boolean {
  switch (expr.kind) {
    case 'number':
      return false;
    case 'baseline':
      return true;
    case 'aggregate':
      return expr.of === 'baseline';
    case 'negate':
      return usesBaseline(expr.operand);
    case 'binary':
      return usesBaseline(expr.left) || usesBaseline(expr.right);
    case 'margin':
      return usesBaseline(expr.base);
  }
}

/** True when any rule compares with the baseline, so that looking one up is worth its requests. */
export function rulesNeedBaseline(rules: readonly Rule[]): boolean {
  return rules.some((rule) => usesBaseline(rule.threshold));
}
