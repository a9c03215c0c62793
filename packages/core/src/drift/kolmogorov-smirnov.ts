/**
 * The two-sample Kolmogorov-Smirnov test, two-sided. The p-value follows the same choices as
 * scipy's `ks_2samp` with `method='auto'` so that both give one answer: the exact distribution of
 * the statistic when both samples have at most 10,000 values, else the distribution of the
 * one-sample statistic for n = m·n/(m+n) (Simard and L'Ecuyer's selection of methods).
 */
export interface KsTest {
  statistic: number;
  pValue: number;
}

/** Above this sample size the exact two-sample distribution gives way to the asymptotic one. */
export const EXACT_KS_LIMIT = 10_000;

/**
 * The largest distance between the empirical distribution functions of two samples, both sorted
 * ascending and free of NaN; neither may be empty.
 */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let largest = 0;
  while (i < n1 && j < n2) {
    const value = Math.min(a[i]!, b[j]!);
    while (i < n1 && a[i]! <= value) i++;
    while (j < n2 && b[j]! <= value) j++;
    const distance = Math.abs(i / n1 - j / n2);
    if (distance > largest) largest = distance;
  }
  // Past the end of one sample its distribution function is 1; the largest distance is at the
  // first point past it, which the loop has already seen.
  return largest;
}

/** The test over two sorted samples. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsTest {
  return ksTest(ksStatistic(a, b), a.length, b.length);
}

/**
 * The two-sided test of statistic `d` for samples of `n1` and `n2` values. Where the exact
 * distribution is used, the statistic is given back as the multiple of 1/lcm(n1, n2) it must be,
 * which removes the rounding of the subtraction that found it.
 */
export function ksTest(d: number, n1: number, n2: number): KsTest {
  if (!(d > 0)) return { statistic: 0, pValue: 1 };
  if (Math.max(n1, n2) <= EXACT_KS_LIMIT) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    if (h === 0) return { statistic: 0, pValue: 1 };
    const p = n1 === n2 ? outsideSquare(n1, h) : outsideBand(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: h / lcm, pValue: p };
    // The exact sums failed in floating point: the asymptotic distribution answers instead.
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  return { statistic: d, pValue: kolmogorovSurvival(roundHalfEven((m * n) / (m + n)), d) };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Rounding as numpy does it: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * P(D ≥ h/n) for two samples of n each: by reflection, 2·Σ_k (-1)^(k-1) C(2n, n-kh) / C(2n, n),
 * written as nested products of the ratios of successive terms so nothing cancels.
 */
function outsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * The share of monotone lattice paths from (0, 0) to (m, n) that leave the band |x/m - y/n| <
 * h/lcm, computed column by column as that share itself (Hodges' inside method): a cell's value is
 * the chance that a random path to it has left the band, 1 outside the band.
 */
function outsideBand(n1: number, n2: number, g: number, h: number): number {
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const mg = m / g;
  const ng = n / g;
  // Inside means |ng·x - mg·y| < h, that is (ng·x - h)/mg < y < (ng·x + h)/mg.
  const column = new Float64Array(n + 1).fill(1);
  let top = Math.min(Math.ceil(h / mg), n + 1); // first y above the band in column 0
  for (let y = 0; y < top; y++) column[y] = 0;
  for (let x = 1; x <= m; x++) {
    const low = Math.min(Math.max(Math.floor((ng * x - h) / mg) + 1, 0), n);
    top = Math.min(Math.ceil((ng * x + h) / mg), n + 1);
    if (top <= low) return 1;
    let below = low === 0 ? 0 : 1; // the cell under the band is outside it
    for (let y = low; y < top; y++) {
      below = (column[y]! * x + below * y) / (x + y);
      column[y] = below;
    }
  }
  return column[n]!;
}

/**
 * P(D_n ≥ x) for the one-sample statistic of n values, by Simard and L'Ecuyer's (2011) choice of
 * method for each region: Ruben-Gambino's exact forms at the ends, twice the one-sided
 * probability where that is exact or nearly so, Durbin's matrix where it is cheap, and Pelz and
 * Good's asymptotic series elsewhere.
 */
export function kolmogorovSurvival(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= (i / n) * (2 * t - 1);
    } else cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSurvival(n, x));
  const nxx = t * x;
  if (n <= 140) {
    if (nxx <= 4) return clip(1 - durbinMatrix(n, x));
    return clip(2 * smirnovSurvival(n, x));
  }
  if (nxx >= 370) return 0;
  if (nxx >= 2.2) return clip(2 * smirnovSurvival(n, x));
  if (n <= 100_000 && n * x ** 1.5 <= 1.4) return clip(1 - durbinMatrix(n, x));
  return clip(1 - pelzGood(n, x));
}

function clip(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}

/** ln(n! / n^n), by Stirling's series with n·ln(n) taken out first. */
function logFactorialOverPower(n: number): number {
  const r = 1 / n;
  const rr = r * r;
  // Bernoulli terms B_2j / (2j (2j-1)) for j = 1..8.
  const series =
    r *
    (1 / 12 +
      rr *
        (-1 / 360 +
          rr *
            (1 / 1260 +
              rr * (-1 / 1680 + rr * (1 / 1188 + rr * (-691 / 360360 + rr * (1 / 156 + rr * (-3617 / 122400))))))));
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + series;
}

/**
 * P(D_n⁺ ≥ x), the one-sided statistic, by the Smirnov-Birnbaum-Tingey sum
 * x·Σ_j C(n, j) (1 - x - j/n)^(n-j) (x + j/n)^(j-1) over j ≤ n(1 - x); every term is positive.
 */
export function smirnovSurvival(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const last = Math.floor(n * (1 - x));
  let logBinomial = 0; // ln C(n, j)
  let sum = 0;
  let largest = -Infinity;
  const logX = Math.log(x);
  for (let j = 0; j <= last; j++) {
    if (j > 0) logBinomial += Math.log((n - j + 1) / j);
    const low = 1 - x - j / n;
    let logTerm = logBinomial + (j - 1) * Math.log(x + j / n);
    if (n - j > 0) {
      if (!(low > 0)) continue;
      logTerm += (n - j) * Math.log(low);
    }
    if (logTerm > largest) {
      // Rescale what was summed so far to the new largest term.
      sum = sum * Math.exp(largest - logTerm) + 1;
      largest = logTerm;
    } else {
      const term = Math.exp(logTerm - largest);
      sum += term;
      // Past the peak the terms only shrink: stop once they no longer change the sum.
      if (term < 1e-17 * sum && j > n * x) break;
    }
  }
  return Math.exp(largest + logX) * sum;
}

const SCALE_EXPONENT = 128;
const SCALE = 2 ** SCALE_EXPONENT;

/**
 * P(D_n < x) by Durbin's matrix, as Marsaglia, Tsang and Wang (2003) compute it: with
 * k = ⌈nx⌉ and h = k - nx, n!/n^n times the middle element of H^n for a (2k-1)-square H,
 * scaled as it grows so that nothing overflows.
 */
function durbinMatrix(n: number, x: number): number {
  const nx = n * x;
  if (nx <= 0.5) return 0;
  const k = Math.ceil(nx);
  const h = k - nx;
  const size = 2 * k - 1;
  const factorials = new Float64Array(size + 1); // 1/j!
  factorials[0] = 1;
  for (let j = 1; j <= size; j++) factorials[j] = factorials[j - 1]! / j;
  let power: Float64Array = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const gap = i - j + 1;
      power[i * size + j] = gap >= 0 ? factorials[gap]! : 0;
    }
  }
  for (let i = 0; i < size; i++) {
    power[i * size] = (1 - h ** (i + 1)) * factorials[i + 1]!;
    power[(size - 1) * size + i] = (1 - h ** (size - i)) * factorials[size - i]!;
  }
  power[(size - 1) * size] = (1 - 2 * h ** size + Math.max(2 * h - 1, 0) ** size) * factorials[size]!;

  let result: Float64Array | undefined;
  let resultExponent = 0;
  let powerExponent = 0;
  const middle = (k - 1) * size + (k - 1);
  for (let left = n; left > 0; left = Math.floor(left / 2)) {
    if (left % 2 === 1) {
      result = result === undefined ? power.slice() : multiply(result, power, size);
      resultExponent += powerExponent;
    }
    if (left > 1) {
      power = multiply(power, power, size);
      powerExponent *= 2;
      if (Math.abs(power[middle]!) > SCALE) {
        for (let i = 0; i < power.length; i++) power[i]! /= SCALE;
        powerExponent += SCALE_EXPONENT;
      }
    }
  }
  let p = result![middle]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < 1 / SCALE) {
      p *= SCALE;
      resultExponent -= SCALE_EXPONENT;
    }
  }
  return p * 2 ** resultExponent;
}

function multiply(a: Float64Array, b: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let l = 0; l < size; l++) {
      const factor = a[i * size + l]!;
      if (factor === 0) continue;
      const row = l * size;
      const target = i * size;
      for (let j = 0; j < size; j++) out[target + j]! += factor * b[row + j]!;
    }
  }
  return out;
}

/**
 * P(D_n < x) by Pelz and Good's (1976) series K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 in
 * z = x√n, each K written with Jacobi's theta transformation so that it converges for small z.
 */
function pelzGood(n: number, x: number): number {
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI ** 2;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  const logQ = -pi2 / 8 / z2;
  if (logQ < -708) return 0;
  const q = Math.exp(logQ);
  const terms = Math.ceil((16 * z) / Math.PI);
  const k0 = [0, 0, 0, 0];
  // Σ over odd m = 2k - 1 of c(m)·q^(m²), by Horner's rule in q^(8k) from the last term down.
  for (let k = terms; k >= 1; k--) {
    const m2 = (2 * k - 1) ** 2;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const step = q ** (8 * k);
    const coefficients = [
      1,
      -z2 + (pi2 / 4) * m2,
      6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * pi2 * m2) / 4 + (pi4 * (1 - 2 * z2) * m4) / 16,
      -30 * z6 -
        90 * z4 * z4 +
        (pi2 * (135 * z4 - 96 * z6) * m2) / 4 +
        (pi4 * (-60 * z2 + 212 * z4) * m4) / 16 +
        (pi6 * (5 - 30 * z2) * m6) / 64,
    ];
    for (let i = 0; i < 4; i++) k0[i] = k0[i]! * step + coefficients[i]!;
  }
  const root = Math.sqrt(2 * Math.PI);
  const divisors = [z, 6 * z4, 72 * z4 * z2 * z, 6480 * z4 * z6];
  const k = k0.map((value, i) => (value * q * root) / divisors[i]!);
  // The sums over all integers j of the further terms of K2 and K3.
  const qq = Math.exp(-pi2 / 2 / z2);
  let extra2 = 0;
  let extra3 = 0;
  const root3z = Math.sqrt(3) * z;
  for (let j = terms; j >= 1; j--) {
    const j2 = j * j;
    const weight = qq ** j2;
    extra2 += j2 * weight;
    extra3 += (root3z + Math.PI * j) * (root3z - Math.PI * j) * j2 * weight;
  }
  k[2] = k[2]! + (extra2 * pi2 * root) / (-36 * z2 * z);
  k[3] = k[3]! + (extra3 * pi2 * root) / (216 * z6);
  return k[0]! + k[1]! / Math.sqrt(n) + k[2] / n + k[3] / n ** 1.5;
}
