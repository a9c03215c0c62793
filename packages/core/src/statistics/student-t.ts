/**
 * Student's t distribution, for Welch's test: the two-sided tail probability and its inverse,
 * from the regularised incomplete beta function. Degrees of freedom may be fractional (Welch's
 * are). Accurate to about 1e-14 relative for the p-values and quantiles a comparison meets.
 */

/** P(|T| >= |t|) for T with `df` degrees of freedom. */
export function twoSidedTailProbability(t: number, df: number): number {
  return tailProbability(t, df, logBeta(df / 2, 0.5));
}

/** The tail given ln B(df / 2, 1 / 2), which a search for a quantile computes once. */
function tailProbability(t: number, df: number, logB: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  // P(|T| >= t) = I_x(df / 2, 1 / 2) with x = df / (df + t^2). For large t, x underflows to
  // 0 while the tail is still representable, so x is computed as 1 / (1 + t^2 / df); for large
  // df, x is close to 1, and 1 - x is computed as its own quotient rather than by subtraction.
  const ratio = (t * t) / df;
  const logX = -Math.log1p(ratio);
  return incompleteBeta(1 / (1 + ratio), ratio / (1 + ratio), df / 2, 0.5, logX, Math.log(ratio) + logX, logB);
}

/** The density of T at t: (1 + t^2 / df)^(-(df + 1) / 2) / (sqrt(df) B(df / 2, 1 / 2)). */
function density(t: number, df: number, logB: number): number {
  return Math.exp((-(df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logB);
}

/** The t for which P(|T| >= t) = `probability`: the half-width factor of a confidence interval. */
export function twoSidedCriticalValue(probability: number, df: number): number {
  if (!(probability > 0 && probability < 1) || !(df > 0)) return Number.NaN;
  const logB = logBeta(df / 2, 0.5);
  // The tail falls monotonically in t: bracket the root, then take Newton's steps on the tail's
  // logarithm, nearly straight where the tail itself falls exponentially (its slope is minus
  // twice the density over the tail). Each evaluation narrows the bracket, and a step that would
  // leave it bisects instead: a few evaluations reach the last bits where bisection takes sixty.
  let low = 0;
  let high = 1;
  while (tailProbability(high, df, logB) > probability) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Number.POSITIVE_INFINITY;
  }
  let t = low + (high - low) / 2;
  for (let i = 0; i < 200; i++) {
    const tail = tailProbability(t, df, logB);
    if (tail === probability) return t;
    if (tail > probability) low = t;
    else high = t;
    const step = ((Math.log(tail) - Math.log(probability)) * tail) / (2 * density(t, df, logB));
    if (Math.abs(step) <= 2 * Number.EPSILON * t) return t + step;
    let next = t + step;
    if (!(next > low && next < high)) {
      next = low + (high - low) / 2;
      if (next === low || next === high) return next;
    }
    t = next;
  }
  return t;
}

/** I_x(a, b), the regularised incomplete beta function, for 0 <= x <= 1 and a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return incompleteBeta(x, 1 - x, a, b);
}

/**
 * I_x(a, b) given x, y = 1 - x and their logarithms, each as accurate as the caller has them:
 * with a = 5e5, an error of one unit in the last place of x or ln(x) moves a·ln(x), and the
 * result, by 1e-10 of itself.
 */
function incompleteBeta(
  x: number,
  y: number,
  a: number,
  b: number,
  logX = Math.log(x),
  logY = Math.log(y),
  logB = logBeta(a, b),
): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * logX + b * logY - logB;
  // The continued fraction converges fast below the mean of the distribution; above it, the
  // symmetry I_x(a, b) = 1 - I_{1-x}(b, a) is used instead. For the t tail, x is near 1 only
  // when t is small, where the subtraction costs no relative accuracy that matters.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(y, b, a)) / b;
}

/** The continued fraction of the incomplete beta function, by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const epsilon = 1e-16;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    // The even step of the fraction, then the odd one.
    let term = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    term = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < epsilon) return result;
  }
  return result;
}

function logBeta(a: number, b: number): number {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < 100) return logGamma(a) + logGamma(b) - logGamma(a + b);
  // ln Γ(large) and ln Γ(large + small) are both near large·ln(large) (1.3e7 at df = 1e6), and
  // their difference, taken directly, keeps only the absolute accuracy of that: 3e-9. Stirling's
  // series gives the difference itself: (large - 1/2)·ln(1 + small/large) + small·ln(large + small)
  // - small, plus the difference of the series' corrections.
  const difference =
    (large - 0.5) * Math.log1p(small / large) +
    small * Math.log(large + small) -
    small +
    stirlingCorrection(large + small) -
    stirlingCorrection(large);
  return logGamma(small) - difference;
}

/** ln Γ(x) - ((x - 1/2) ln x - x + ln(2π) / 2), for x >= 100, to about 1e-20 absolute. */
function stirlingCorrection(x: number): number {
  const inverse = 1 / x;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)));
}

// Lanczos' approximation with g = 7 and nine coefficients: about 15 correct digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}
