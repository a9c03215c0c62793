/*
 * The gate rules language, one rule a line:
 *
 *   rule      := left comparison sum | left ':' shorthand
 *   shorthand := ('no-drop' | 'no-rise') [number ['%']] ['significant']
 *   left      := name | aggregate '(' name ')'        aggregate: mean min max median std
 *              | drift '(' name ')'                 drift: ks ks_p psi wasserstein chi2_p js
 *   sum       := product (('+' | '-') product)*
 *   product   := unary (('*' | '/') unary)*
 *   unary     := '-' unary | primary
 *   primary   := number | 'baseline' | 'baseline.' name | aggregate '(' over ')' | '(' sum ')'
 *   over      := 'baseline' | 'baseline.' name | name
 *
 * A bare name is a maximal run of ASCII letters, digits, '.', '/', '-' and '_' starting with a
 * letter or '_'; any other name goes in backticks (`val loss`). So `a-b` is one name, and a
 * minus or slash after a name needs spaces: `baseline - 0.01`, not `baseline-0.01`.
 * Numbers are decimal with an optional exponent (0.9, .5, 1e-3), and finite (1e400 is an error);
 * '%' appears only in shorthand amounts. `no-drop A` means `>= baseline - A`, `no-rise A` means `<= baseline + A`, and with
 * `A%` the baseline moves by A percent of its magnitude (for a positive baseline,
 * `loss: no-rise 5%` is `loss <= baseline * 1.05`).
 *
 * On the right side an aggregate is taken over the replicates of the experiment being judged:
 * `mean(baseline)` and `std(baseline.loss)` over the baseline's runs, `std(accuracy)` over the
 * candidate's (a name in backticks is always a metric, so `` mean(`baseline`) `` is the candidate's).
 * `std` is the sample standard deviation (divisor n - 1). `significant` makes a shorthand fail
 * only when the candidate's replicates are worse than the baseline's, moved by the amount, at
 * Welch's p < alpha; it applies to the replicates themselves, so the left side takes no aggregate.
 * A drift statistic on the left (`psi(age) < 0.2`) names one value, `psi(age)`, that monitor
 * measures for a column.
 */
import { UserError } from '../errors.ts';
import { closestNames } from './closest-names.ts';
import {
  AGGREGATES,
  DRIFT_STATISTICS,
  type Aggregate,
  type Comparison,
  type Expr,
  type Rule,
  type Significance,
} from './rule.ts';
import { ruleSyntaxError, ruleSyntaxErrors, type SourceLine } from './syntax-error.ts';
import { clip, describeName, tokenize, type Token } from './tokenizer.ts';

// Deeper right-hand sides are surely mistakes; the limit also keeps parsing and evaluation
// from exhausting the stack on hostile input.
const MAX_DEPTH = 100;

const COMPARISON_LIST = '<, <=, >, >=, ==, !=';

// The word that asks a shorthand for a significance test.
const SIGNIFICANT = 'significant';

/**
 * Parses rules text, one rule a line; `#` comments and blank lines are ignored. `source` names
 * the text in error messages: `rules` for an action input, or the rules file's path.
 * Throws a UserError for the syntax errors, every line's (a UserErrors when there are several).
 */
export function parseRules(text: string, source = 'rules'): Rule[] {
  const errors: UserError[] = [];
  const rules = collectRules(text, source, errors);
  if (errors.length > 0) throw ruleSyntaxErrors(errors);
  return rules;
}

/** The rules of the lines that parse; each other line's syntax error is added to `errors`. */
export function collectRules(text: string, source: string, errors: UserError[]): Rule[] {
  const rules: Rule[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    const at: SourceLine = { source, line: index + 1, text: lineText };
    try {
      const { tokens, contentEnd } = tokenize(at);
      if (tokens.length === 1) return;
      const parser = new LineParser(at, tokens);
      rules.push({ text: lineText.slice(0, contentEnd).trim(), line: at.line, ...parser.parseRule() });
    } catch (thrown: unknown) {
      if (!(thrown instanceof UserError)) throw thrown;
      errors.push(thrown);
    }
  });
  return rules;
}

type ParsedRule = Omit<Rule, 'text' | 'line'>;

interface Parsed {
  expr: Expr;
  depth: number;
}

class LineParser {
  private readonly at: SourceLine;
  private readonly tokens: Token[];
  private position = 0;
  private nesting = 0;
  /** The rule's metric, once the left side is read: messages suggest fixes with it. */
  private metric = '';

  constructor(at: SourceLine, tokens: Token[]) {
    this.at = at;
    this.tokens = tokens;
  }

  parseRule(): ParsedRule {
    const left = this.parseLeft();
    this.metric = left.metric;
    const leftText =
      left.aggregate === undefined ? describeName(left.metric) : `${left.aggregate}(${describeName(left.metric)})`;
    const next = this.peek();
    if (next.kind === 'compare') {
      this.advance();
      const threshold = this.parseSum(next).expr;
      this.expectEnd();
      return { ...left, op: next.text, threshold };
    }
    if (next.kind === 'punct' && next.text === ':') {
      this.advance();
      const { written, ...shorthand } = this.parseShorthand();
      if (shorthand.significance !== undefined && left.aggregate !== undefined) {
        throw this.error(
          this.tokens[0]!,
          `'significant' compares the replicates themselves, not an aggregate of them: write ${clip(`${describeName(left.metric)}: ${written}`)}`,
        );
      }
      return { ...left, ...shorthand };
    }
    let message = `expected a comparison (${COMPARISON_LIST}) or ':' after '${clip(leftText)}'`;
    if (next.kind === 'name' && !next.quoted) {
      message += `; names with spaces are written in backticks, e.g. \`${clip(`${left.metric} ${next.text}`)}\``;
    }
    throw this.error(next, message);
  }

  /** `metric`, `` `odd metric` `` or `mean(metric)`. */
  private parseLeft(): { metric: string; aggregate?: Aggregate } {
    const first = this.peek();
    if (first.kind !== 'name') {
      let message = 'expected a metric name at the start of the rule';
      if (first.kind === 'number') message += ', e.g. accuracy >= 0.9';
      throw this.error(first, message);
    }
    this.advance();
    const open = this.peek();
    if (first.quoted || !(open.kind === 'punct' && open.text === '(')) return { metric: first.text };
    if ((DRIFT_STATISTICS as readonly string[]).includes(first.text)) {
      this.advance();
      const column = this.peek();
      if (column.kind !== 'name') throw this.error(column, `expected a column name after '${first.text}('`);
      this.advance();
      const close = this.peek();
      if (!(close.kind === 'punct' && close.text === ')')) {
        throw this.error(close, `expected ')' to close '${first.text}('`);
      }
      this.advance();
      return { metric: `${first.text}(${column.text})` };
    }
    const aggregate = asAggregate(first.text);
    if (aggregate === undefined) {
      throw this.error(
        first,
        `unknown aggregate '${clip(first.text)}'; use ${AGGREGATES.join(', ')} (or a drift statistic: ${DRIFT_STATISTICS.join(', ')})`,
      );
    }
    this.advance();
    const inner = this.peek();
    if (inner.kind !== 'name') throw this.error(inner, `expected a metric name after '${aggregate}('`);
    this.advance();
    const close = this.peek();
    if (!inner.quoted && close.kind === 'punct' && close.text === '(' && asAggregate(inner.text) !== undefined) {
      throw this.error(inner, 'aggregates cannot be nested');
    }
    if (!(close.kind === 'punct' && close.text === ')')) {
      throw this.error(close, `expected ')' to close '${aggregate}('`);
    }
    this.advance();
    return { metric: inner.text, aggregate };
  }

  /**
   * After `metric:`, `no-drop` or `no-rise` with an optional amount, absolute or `N%`, and an
   * optional `significant`; `written` is the shorthand as a message would quote it.
   */
  private parseShorthand(): { op: Comparison; threshold: Expr; significance?: Significance; written: string } {
    const word = this.peek();
    if (word.kind !== 'name' || word.quoted || (word.text !== 'no-drop' && word.text !== 'no-rise')) {
      throw this.error(word, "expected 'no-drop' or 'no-rise' after ':'");
    }
    this.advance();
    const drop = word.text === 'no-drop';
    const op: Comparison = drop ? '>=' : '<=';
    const base: Expr = { kind: 'baseline' };
    let threshold: Expr = base;
    let written = word.text;
    const amount = this.peek();
    if (amount.kind === 'number') {
      this.advance();
      const percent = this.peek();
      if (percent.kind === 'punct' && percent.text === '%') {
        this.advance();
        threshold = { kind: 'margin', base, percent: amount.value, direction: drop ? 'below' : 'above' };
        written += ` ${amount.text}%`;
      } else {
        threshold = {
          kind: 'binary',
          op: drop ? '-' : '+',
          left: base,
          right: { kind: 'number', value: amount.value },
        };
        written += ` ${amount.text}`;
      }
    }
    const rest = this.peek();
    if (rest.kind === 'end') return { op, threshold, written };
    if (rest.kind === 'name' && !rest.quoted && rest.text === SIGNIFICANT) {
      this.advance();
      const after = this.peek();
      if (after.kind === 'number') {
        throw this.error(
          after,
          `the amount goes before '${SIGNIFICANT}': ${word.text} ${clip(after.text)} ${SIGNIFICANT}`,
        );
      }
      if (after.kind !== 'end') throw this.error(after, `expected the end of the rule after '${SIGNIFICANT}'`);
      const significance: Significance = { direction: drop ? 'higher' : 'lower' };
      return { op, threshold, significance, written: `${written} ${SIGNIFICANT}` };
    }
    if (written === word.text) {
      let message = `expected an amount such as 0.01 or 5%, or '${SIGNIFICANT}', after '${word.text}'`;
      if (rest.kind === 'name' && closestNames(rest.text, [SIGNIFICANT]).length > 0) {
        message += `; did you mean '${SIGNIFICANT}'?`;
      }
      throw this.error(rest, message);
    }
    let message = `expected '${SIGNIFICANT}' or the end of the rule after '${clip(written.slice(word.text.length + 1))}'`;
    if (rest.kind === 'name' && closestNames(rest.text, [SIGNIFICANT]).length > 0) {
      message += `; did you mean '${SIGNIFICANT}'?`;
    }
    throw this.error(rest, message);
  }

  private parseSum(before: Token): Parsed {
    let left = this.parseProduct(before);
    for (;;) {
      const op = this.peek();
      if (!(op.kind === 'punct' && (op.text === '+' || op.text === '-'))) return left;
      this.advance();
      const right = this.parseProduct(op);
      left = this.combine(op, op.text, left, right);
    }
  }

  private parseProduct(before: Token): Parsed {
    let left = this.parseUnary(before);
    for (;;) {
      const op = this.peek();
      if (!(op.kind === 'punct' && (op.text === '*' || op.text === '/'))) return left;
      this.advance();
      const right = this.parseUnary(op);
      left = this.combine(op, op.text, left, right);
    }
  }

  private combine(at: Token, op: '+' | '-' | '*' | '/', left: Parsed, right: Parsed): Parsed {
    const depth = Math.max(left.depth, right.depth) + 1;
    if (depth > MAX_DEPTH) throw this.tooDeep(at);
    return { expr: { kind: 'binary', op, left: left.expr, right: right.expr }, depth };
  }

  private parseUnary(before: Token): Parsed {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === '-') {
      this.advance();
      this.enter(token);
      const operand = this.parseUnary(token);
      this.nesting -= 1;
      return { expr: { kind: 'negate', operand: operand.expr }, depth: operand.depth + 1 };
    }
    return this.parsePrimary(before);
  }

  private parsePrimary(before: Token): Parsed {
    const token = this.peek();
    if (token.kind === 'number') {
      this.advance();
      return { expr: { kind: 'number', value: token.value }, depth: 1 };
    }
    if (token.kind === 'punct' && token.text === '(') {
      this.advance();
      this.enter(token);
      const inner = this.parseSum(token);
      this.nesting -= 1;
      const close = this.peek();
      if (!(close.kind === 'punct' && close.text === ')')) {
        throw this.error(close, `expected ')' to close the '(' at column ${this.column(token)}`);
      }
      this.advance();
      return inner;
    }
    if (token.kind === 'name') {
      this.advance();
      const open = this.peek();
      if (!token.quoted && open.kind === 'punct' && open.text === '(') {
        return { expr: this.parseAggregateCall(token), depth: 1 };
      }
      return { expr: this.parseBaseline(token), depth: 1 };
    }
    throw this.error(token, `expected a number or metric after '${clip(before.text)}'`);
  }

  /**
   * `mean(baseline)`, `std(baseline.loss)` over the baseline's replicates, or `std(accuracy)` over
   * the candidate's; `name` is the aggregate's name, and the `(` comes next.
   */
  private parseAggregateCall(name: Token & { kind: 'name' }): Expr {
    const aggregate = asAggregate(name.text);
    if (aggregate === undefined) {
      throw this.error(name, `unknown aggregate '${clip(name.text)}'; use ${AGGREGATES.join(', ')}`);
    }
    this.advance();
    const inner = this.peek();
    if (inner.kind !== 'name') {
      throw this.error(inner, `expected baseline, baseline.<metric> or a metric name after '${aggregate}('`);
    }
    this.advance();
    const next = this.peek();
    if (!inner.quoted && next.kind === 'punct' && next.text === '(' && asAggregate(inner.text) !== undefined) {
      throw this.error(inner, 'aggregates cannot be nested');
    }
    let expr: Expr;
    if (!inner.quoted && (inner.text === 'baseline' || inner.text.startsWith('baseline.'))) {
      const baseline = this.parseBaseline(inner);
      expr =
        baseline.kind === 'baseline' && baseline.metric !== undefined
          ? { kind: 'aggregate', aggregate, of: 'baseline', metric: baseline.metric }
          : { kind: 'aggregate', aggregate, of: 'baseline' };
    } else {
      expr = { kind: 'aggregate', aggregate, of: 'candidate', metric: inner.text };
    }
    const close = this.peek();
    if (!(close.kind === 'punct' && close.text === ')')) {
      throw this.error(close, `expected ')' to close '${aggregate}('`);
    }
    this.advance();
    return expr;
  }

  /** `baseline`, `baseline.metric` or ``baseline.`odd metric` ``: the only bare names the right side knows. */
  private parseBaseline(name: Token & { kind: 'name' }): Expr {
    if (!name.quoted) {
      if (name.text === 'baseline') return { kind: 'baseline' };
      if (name.text === 'baseline.') {
        const quoted = this.peek();
        if (quoted.kind === 'name' && quoted.quoted && quoted.start === name.end) {
          this.advance();
          return { kind: 'baseline', metric: quoted.text };
        }
        throw this.error(quoted, "expected a metric name after 'baseline.'");
      }
      if (name.text.startsWith('baseline.')) return { kind: 'baseline', metric: name.text.slice('baseline.'.length) };
      const glued = /^baseline([-/])(.+)$/.exec(name.text);
      if (glued !== null) {
        const spaced = clip(`baseline ${glued[1]} ${glued[2]}`);
        throw this.error(
          name,
          `unknown name '${clip(name.text)}': '-' and '/' belong to names, so put spaces around them: ${spaced}`,
        );
      }
    }
    const metric = clip(describeName(name.text));
    throw this.error(
      name,
      `unknown name '${metric}'; the right side may use numbers, baseline, baseline.<metric> and aggregates such as mean(baseline) or mean(${metric})`,
    );
  }

  private expectEnd(): void {
    const token = this.peek();
    if (token.kind === 'end') return;
    const previous = this.tokens[this.position - 1]!;
    if (token.kind === 'punct' && token.text === '%') {
      const plain =
        previous.kind === 'number' ? `${previous.value / 100} instead of ${previous.text}%` : 'a plain number';
      throw this.error(token, `'%' is only allowed in no-drop and no-rise amounts (loss: no-rise 5%); write ${plain}`);
    }
    if (token.kind === 'compare') throw this.error(token, 'a rule holds one comparison; write two rules');
    if (token.kind === 'name' && !token.quoted && token.text === SIGNIFICANT) {
      throw this.error(
        token,
        `'${SIGNIFICANT}' belongs to the no-drop and no-rise shorthands, e.g. ${clip(describeName(this.metric))}: no-drop ${SIGNIFICANT}`,
      );
    }
    if (token.kind === 'punct' && token.text === ')') throw this.error(token, "unmatched ')'");
    throw this.error(token, `expected an operator (+, -, *, /) or the end of the rule after '${clip(previous.text)}'`);
  }

  private enter(token: Token): void {
    this.nesting += 1;
    if (this.nesting > MAX_DEPTH) throw this.tooDeep(token);
  }

  private tooDeep(token: Token): UserError {
    return this.error(
      token,
      `the expression is too complex (more than ${MAX_DEPTH} levels of operators or parentheses)`,
    );
  }

  private peek(): Token {
    // The last token is always `end`, and the parser never moves past it.
    return this.tokens[this.position]!;
  }

  private advance(): void {
    if (this.position < this.tokens.length - 1) this.position += 1;
  }

  private column(token: Token): number {
    return Array.from(this.at.text.slice(0, token.start)).length + 1;
  }

  private error(token: Token, message: string): UserError {
    return ruleSyntaxError(this.at, token.start, message);
  }
}

function asAggregate(name: string): Aggregate | undefined {
  return AGGREGATES.find((a) => a === name);
}
