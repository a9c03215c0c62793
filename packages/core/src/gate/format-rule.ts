import { describeName } from './tokenizer.ts';
import { formatExpr } from './expression.ts';
import type { Rule } from './rule.ts';

/** A rule written back in the rules language: parsing the text gives the same rule again. */
export function formatRule(rule: Rule): string {
  const metric = describeName(rule.metric);
  const { threshold } = rule;
  // Significance and percent margins only exist as shorthands, so they are written as the shorthand they came from.
  if (rule.significance !== undefined) {
    const word = rule.significance.direction === 'higher' ? 'no-drop' : 'no-rise';
    let amount = '';
    if (threshold.kind === 'margin') amount = ` ${threshold.percent}%`;
    else if (threshold.kind === 'binary' && threshold.right.kind === 'number') amount = ` ${threshold.right.value}`;
    return `${metric}: ${word}${amount} significant`;
  }
  if (threshold.kind === 'margin' && threshold.base.kind === 'baseline' && threshold.base.metric === undefined) {
    if (rule.op === '<=' && threshold.direction === 'above') return `${metric}: no-rise ${threshold.percent}%`;
    if (rule.op === '>=' && threshold.direction === 'below') return `${metric}: no-drop ${threshold.percent}%`;
  }
  const left = rule.aggregate === undefined ? metric : `${rule.aggregate}(${metric})`;
  return `${left} ${rule.op} ${formatExpr(threshold)}`;
}
