export { aggregateValues, SpreadUnknown } from './aggregate.ts';
export { closestNames } from './closest-names.ts';
export { evaluateRules, type RulesContext } from './evaluate.ts';
export { formatExpr } from './expression.ts';
export { parseRules } from './parser.ts';
export {
  AGGREGATES,
  COMPARISONS,
  type Aggregate,
  type ArithmeticOperator,
  type Comparison,
  type Expr,
  type Rule,
} from './rule.ts';
export { rulesNeedBaseline } from './needs-baseline.ts';
export { loadRules, readRulesFile, MAX_RULES_FILE_BYTES } from './load-rules.ts';
export { formatRule } from './format-rule.ts';
export * from './gate-result.ts';
export * from './gate-summary.ts';
export * from './unjudged-legs.ts';
