import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import "./chunk-4JN6GR4P.js";

// packages/github/src/action-context.ts
import { readFileSync } from "node:fs";

// packages/core/src/errors.ts
var UserError = class extends Error {
  file;
  line;
  column;
  constructor(message, where = {}) {
    super(message);
    this.name = "UserError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
};
var UserErrors = class extends UserError {
  errors;
  constructor(errors, more = "") {
    const first = errors[0];
    super([...errors.map((e) => e.message), ...more === "" ? [] : [more]].join("\n"), {
      ...first.file === void 0 ? {} : { file: first.file },
      ...first.line === void 0 ? {} : { line: first.line },
      ...first.column === void 0 ? {} : { column: first.column }
    });
    this.name = "UserErrors";
    this.errors = errors;
  }
};
function errorMessage(thrown) {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  if (typeof thrown === "string") return thrown;
  try {
    const text = JSON.stringify(thrown);
    if (text !== void 0) return text;
  } catch {
  }
  return String(thrown);
}

// packages/core/src/statistics/student-t.ts
function twoSidedTailProbability(t, df) {
  return tailProbability(t, df, logBeta(df / 2, 0.5));
}
function tailProbability(t, df, logB) {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  const ratio = t * t / df;
  const logX = -Math.log1p(ratio);
  return incompleteBeta(1 / (1 + ratio), ratio / (1 + ratio), df / 2, 0.5, logX, Math.log(ratio) + logX, logB);
}
function density(t, df, logB) {
  return Math.exp(-(df + 1) / 2 * Math.log1p(t * t / df) - 0.5 * Math.log(df) - logB);
}
function twoSidedCriticalValue(probability, df) {
  if (!(probability > 0 && probability < 1) || !(df > 0)) return Number.NaN;
  const logB = logBeta(df / 2, 0.5);
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
    const step = (Math.log(tail) - Math.log(probability)) * tail / (2 * density(t, df, logB));
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
function incompleteBeta(x, y, a, b, logX = Math.log(x), logY = Math.log(y), logB = logBeta(a, b)) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * logX + b * logY - logB;
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
  return 1 - Math.exp(logFront) * betaContinuedFraction(y, b, a) / b;
}
function betaContinuedFraction(x, a, b) {
  const tiny = 1e-300;
  const epsilon = 1e-16;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 1e5; m++) {
    const m2 = 2 * m;
    let term = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    term = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
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
function logBeta(a, b) {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < 100) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const difference = (large - 0.5) * Math.log1p(small / large) + small * Math.log(large + small) - small + stirlingCorrection(large + small) - stirlingCorrection(large);
  return logGamma(small) - difference;
}
function stirlingCorrection(x) {
  const inverse = 1 / x;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)));
}
var LANCZOS_G = 7;
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) {
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

// packages/core/src/drift/chi-squared.ts
function chiSquaredSurvival(x, df) {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const half = x / 2;
  const logPrefix = a * Math.log(half) - half - logGamma(a);
  if (half < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 1e4; k++) {
      term *= half / (a + k);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.max(0, 1 - Math.exp(logPrefix) * sum);
  }
  const tiny = 1e-300;
  let b = half + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < 1e4; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * fraction;
}
function chiSquaredHomogeneity(first, second) {
  let total1 = 0;
  let total2 = 0;
  for (let i = 0; i < first.length; i++) {
    total1 += first[i];
    total2 += second[i];
  }
  const total = total1 + total2;
  if (total1 === 0 || total2 === 0) return void 0;
  let statistic = 0;
  let categories = 0;
  for (let i = 0; i < first.length; i++) {
    const column = first[i] + second[i];
    if (column === 0) continue;
    categories++;
    const expected1 = column * total1 / total;
    const expected2 = column * total2 / total;
    statistic += (first[i] - expected1) ** 2 / expected1 + (second[i] - expected2) ** 2 / expected2;
  }
  if (categories < 2) return void 0;
  const df = categories - 1;
  return { statistic, df, pValue: chiSquaredSurvival(statistic, df) };
}

// packages/core/src/drift/data-profile.ts
var DATA_PROFILE_VERSION = 1;
var PROFILE_BINS = 20;
var PROFILE_TOP_CATEGORIES = 20;
var MAX_DISTINCT_VALUES = 1e4;
var MAX_CATEGORY_LENGTH = 200;
var MAX_PROFILE_COLUMNS = 500;
var MAX_KEPT_VALUES = 4e7;
var ColumnValues = class {
  name;
  values = new Float64Array(1024);
  size = 0;
  missingCount = 0;
  textCount = 0;
  /** Line and file of the first text cell, for messages. */
  firstText;
  texts = /* @__PURE__ */ new Map();
  distinctCapped = false;
  budget;
  file = "";
  constructor(name, budget) {
    this.name = name;
    this.budget = budget;
  }
  number(value) {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.budget.take(this.name, this.file);
    this.values[this.size++] = value;
  }
  text(value, line) {
    this.textCount++;
    if (this.firstText === void 0) this.firstText = { value, line, file: this.file };
    countText(this.texts, value, this);
  }
  missing() {
    this.missingCount++;
  }
  /** The numbers, sorted ascending. */
  sorted() {
    const kept = this.values.subarray(0, this.size);
    kept.sort();
    return kept;
  }
  get isNumeric() {
    return this.textCount === 0 && this.size > 0;
  }
};
function countText(texts, value, owner) {
  const known = texts.get(value);
  if (known !== void 0) texts.set(value, known + 1);
  else if (texts.size < MAX_DISTINCT_VALUES) texts.set(value, 1);
  else owner.distinctCapped = true;
}
var ValueBudget = class {
  left;
  constructor(limit = MAX_KEPT_VALUES) {
    this.left = limit;
  }
  take(column, file) {
    if (--this.left < 0) {
      throw new UserError(
        `${file}: more than ${MAX_KEPT_VALUES.toLocaleString("en-US")} numbers (at column "${column}") is more than can be compared value by value; profile the reference (train's input profile) and monitor against that, which streams any amount of production data`
      );
    }
  }
};
var ColumnCollector = class {
  byName = /* @__PURE__ */ new Map();
  wanted;
  budget = new ValueBudget();
  constructor(wanted) {
    this.wanted = wanted === void 0 ? void 0 : new Set(wanted);
  }
  columns(names, file) {
    return names.map((name) => {
      if (this.wanted !== void 0 && !this.wanted.has(name)) return void 0;
      let column = this.byName.get(name);
      if (column === void 0) {
        if (this.byName.size >= MAX_PROFILE_COLUMNS) {
          throw new UserError(`${file}: more than ${MAX_PROFILE_COLUMNS} columns; name the ones to profile`);
        }
        column = new ColumnValues(name, this.budget);
        this.byName.set(name, column);
      }
      column.file = file;
      return column;
    });
  }
};
function profileColumns(columns, rows, files) {
  return { version: DATA_PROFILE_VERSION, rows, files, columns: [...columns].map(profileColumn) };
}
function profileColumn(column) {
  if (column.isNumeric) return numericProfile(column.name, column.sorted(), column.missingCount);
  const texts = new Map(column.texts);
  const owner = { distinctCapped: column.distinctCapped };
  for (const value of column.sorted()) countText(texts, String(value), owner);
  const ranked = [...texts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const count = column.size + column.textCount;
  const top = ranked.filter(([value]) => value.length <= MAX_CATEGORY_LENGTH).slice(0, PROFILE_TOP_CATEGORIES).map(([value, n]) => ({ value, count: n }));
  const named = top.reduce((sum, entry) => sum + entry.count, 0);
  return {
    name: column.name,
    kind: "categorical",
    count,
    missing: column.missingCount,
    distinct: texts.size,
    ...owner.distinctCapped ? { distinctCapped: true } : {},
    top,
    other: count - named
  };
}
function numericProfile(name, sorted, missing) {
  const n = sorted.length;
  let mean2 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = sorted[i] - mean2;
    mean2 += delta / (i + 1);
    m2 += delta * (sorted[i] - mean2);
  }
  const edges = [];
  for (let b = 0; b <= PROFILE_BINS; b++) {
    const edge = sorted[Math.floor(b * (n - 1) / PROFILE_BINS)];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const counts = new Array(edges.length).fill(0);
  let bin = 0;
  for (let i = 0; i < n; i++) {
    while (sorted[i] > edges[bin]) bin++;
    counts[bin]++;
  }
  return {
    name,
    kind: "numeric",
    count: n,
    missing,
    mean: mean2,
    std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
    min: sorted[0],
    max: sorted[n - 1],
    edges,
    counts
  };
}

// packages/core/src/drift/distribution-distances.ts
function wassersteinDistance(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let area = 0;
  let previous = Math.min(a[0], b[0]);
  while (i < n1 || j < n2) {
    const value = j >= n2 || i < n1 && a[i] <= b[j] ? a[i] : b[j];
    area += Math.abs(i / n1 - j / n2) * (value - previous);
    previous = value;
    while (i < n1 && a[i] <= value) i++;
    while (j < n2 && b[j] <= value) j++;
  }
  return area;
}
function jensenShannonDistance(first, second) {
  const total1 = first.reduce((sum, value) => sum + value, 0);
  const total2 = second.reduce((sum, value) => sum + value, 0);
  let divergence = 0;
  for (let i = 0; i < first.length; i++) {
    const p = first[i] / total1;
    const q = second[i] / total2;
    const m = (p + q) / 2;
    if (p > 0) divergence += p * Math.log(p / m);
    if (q > 0) divergence += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(divergence / 2, 0));
}
function populationStabilityIndex(reference, production) {
  const cells = reference.length;
  const total1 = reference.reduce((sum, value) => sum + value, 0) + cells / 2;
  const total2 = production.reduce((sum, value) => sum + value, 0) + cells / 2;
  let index = 0;
  for (let i = 0; i < cells; i++) {
    const p = (reference[i] + 0.5) / total1;
    const q = (production[i] + 0.5) / total2;
    index += (q - p) * Math.log(q / p);
  }
  return index;
}

// packages/core/src/drift/kolmogorov-smirnov.ts
var EXACT_KS_LIMIT = 1e4;
function ksStatistic(a, b) {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let largest = 0;
  while (i < n1 && j < n2) {
    const value = Math.min(a[i], b[j]);
    while (i < n1 && a[i] <= value) i++;
    while (j < n2 && b[j] <= value) j++;
    const distance = Math.abs(i / n1 - j / n2);
    if (distance > largest) largest = distance;
  }
  return largest;
}
function ksTest(d, n1, n2) {
  if (!(d > 0)) return { statistic: 0, pValue: 1 };
  if (Math.max(n1, n2) <= EXACT_KS_LIMIT) {
    const g = gcd(n1, n2);
    const lcm = n1 / g * n2;
    const h = roundHalfEven(d * lcm);
    if (h === 0) return { statistic: 0, pValue: 1 };
    const p = n1 === n2 ? outsideSquare(n1, h) : outsideBand(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: h / lcm, pValue: p };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  return { statistic: d, pValue: kolmogorovSurvival(roundHalfEven(m * n / (m + n)), d) };
}
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
function outsideSquare(n, h) {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = (n - k * h - j) * ratio / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}
function outsideBand(n1, n2, g, h) {
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const mg = m / g;
  const ng = n / g;
  const column = new Float64Array(n + 1).fill(1);
  let top = Math.min(Math.ceil(h / mg), n + 1);
  for (let y = 0; y < top; y++) column[y] = 0;
  for (let x = 1; x <= m; x++) {
    const low = Math.min(Math.max(Math.floor((ng * x - h) / mg) + 1, 0), n);
    top = Math.min(Math.ceil((ng * x + h) / mg), n + 1);
    if (top <= low) return 1;
    let below = low === 0 ? 0 : 1;
    for (let y = low; y < top; y++) {
      below = (column[y] * x + below * y) / (x + y);
      column[y] = below;
    }
  }
  return column[n];
}
function kolmogorovSurvival(n, x) {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let cdf;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i / n * (2 * t - 1);
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
  if (n <= 1e5 && n * x ** 1.5 <= 1.4) return clip(1 - durbinMatrix(n, x));
  return clip(1 - pelzGood(n, x));
}
function clip(p) {
  return Math.min(Math.max(p, 0), 1);
}
function logFactorialOverPower(n) {
  const r = 1 / n;
  const rr = r * r;
  const series = r * (1 / 12 + rr * (-1 / 360 + rr * (1 / 1260 + rr * (-1 / 1680 + rr * (1 / 1188 + rr * (-691 / 360360 + rr * (1 / 156 + rr * (-3617 / 122400))))))));
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + series;
}
function smirnovSurvival(n, x) {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const last = Math.floor(n * (1 - x));
  let logBinomial = 0;
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
      sum = sum * Math.exp(largest - logTerm) + 1;
      largest = logTerm;
    } else {
      const term = Math.exp(logTerm - largest);
      sum += term;
      if (term < 1e-17 * sum && j > n * x) break;
    }
  }
  return Math.exp(largest + logX) * sum;
}
var SCALE_EXPONENT = 128;
var SCALE = 2 ** SCALE_EXPONENT;
function durbinMatrix(n, x) {
  const nx = n * x;
  if (nx <= 0.5) return 0;
  const k = Math.ceil(nx);
  const h = k - nx;
  const size = 2 * k - 1;
  const factorials = new Float64Array(size + 1);
  factorials[0] = 1;
  for (let j = 1; j <= size; j++) factorials[j] = factorials[j - 1] / j;
  let power = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const gap = i - j + 1;
      power[i * size + j] = gap >= 0 ? factorials[gap] : 0;
    }
  }
  for (let i = 0; i < size; i++) {
    power[i * size] = (1 - h ** (i + 1)) * factorials[i + 1];
    power[(size - 1) * size + i] = (1 - h ** (size - i)) * factorials[size - i];
  }
  power[(size - 1) * size] = (1 - 2 * h ** size + Math.max(2 * h - 1, 0) ** size) * factorials[size];
  let result;
  let resultExponent = 0;
  let powerExponent = 0;
  const middle = (k - 1) * size + (k - 1);
  for (let left = n; left > 0; left = Math.floor(left / 2)) {
    if (left % 2 === 1) {
      result = result === void 0 ? power.slice() : multiply(result, power, size);
      resultExponent += powerExponent;
    }
    if (left > 1) {
      power = multiply(power, power, size);
      powerExponent *= 2;
      if (Math.abs(power[middle]) > SCALE) {
        for (let i = 0; i < power.length; i++) power[i] /= SCALE;
        powerExponent += SCALE_EXPONENT;
      }
    }
  }
  let p = result[middle];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < 1 / SCALE) {
      p *= SCALE;
      resultExponent -= SCALE_EXPONENT;
    }
  }
  return p * 2 ** resultExponent;
}
function multiply(a, b, size) {
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let l = 0; l < size; l++) {
      const factor = a[i * size + l];
      if (factor === 0) continue;
      const row = l * size;
      const target = i * size;
      for (let j = 0; j < size; j++) out[target + j] += factor * b[row + j];
    }
  }
  return out;
}
function pelzGood(n, x) {
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
  const terms = Math.ceil(16 * z / Math.PI);
  const k0 = [0, 0, 0, 0];
  for (let k2 = terms; k2 >= 1; k2--) {
    const m2 = (2 * k2 - 1) ** 2;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const step = q ** (8 * k2);
    const coefficients = [
      1,
      -z2 + pi2 / 4 * m2,
      6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * pi2 * m2 / 4 + pi4 * (1 - 2 * z2) * m4 / 16,
      -30 * z6 - 90 * z4 * z4 + pi2 * (135 * z4 - 96 * z6) * m2 / 4 + pi4 * (-60 * z2 + 212 * z4) * m4 / 16 + pi6 * (5 - 30 * z2) * m6 / 64
    ];
    for (let i = 0; i < 4; i++) k0[i] = k0[i] * step + coefficients[i];
  }
  const root = Math.sqrt(2 * Math.PI);
  const divisors = [z, 6 * z4, 72 * z4 * z2 * z, 6480 * z4 * z6];
  const k = k0.map((value, i) => value * q * root / divisors[i]);
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
  k[2] = k[2] + extra2 * pi2 * root / (-36 * z2 * z);
  k[3] = k[3] + extra3 * pi2 * root / (216 * z6);
  return k[0] + k[1] / Math.sqrt(n) + k[2] / n + k[3] / n ** 1.5;
}

// packages/core/src/drift/column-drift.ts
var ProductionColumns = class {
  byName = /* @__PURE__ */ new Map();
  /** Every column name any file's header had. */
  seen = /* @__PURE__ */ new Set();
  budget = new ValueBudget();
  constructor(reference, names) {
    for (const name of names) {
      const profile = reference.profile.columns.find((column) => column.name === name);
      this.byName.set(
        name,
        profile.kind === "categorical" ? new CategoryCounts(profile) : reference.values?.has(name) === true ? new ColumnValues(name, this.budget) : new BinCounts(profile)
      );
    }
  }
  columns(names, file) {
    return names.map((name) => {
      this.seen.add(name);
      const column = this.byName.get(name);
      if (column !== void 0) column.file = file;
      return column;
    });
  }
};
var BinCounts = class {
  /** [below the first edge, bin 0 (at the first edge), ..., bin k-1, above the last edge]. */
  counts;
  size = 0;
  missingCount = 0;
  textCount = 0;
  firstText;
  min = Infinity;
  max = -Infinity;
  file = "";
  edges;
  constructor(profile) {
    this.edges = Float64Array.from(profile.edges);
    this.counts = new Float64Array(profile.edges.length + 2);
  }
  number(value) {
    this.size++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const edges = this.edges;
    const last = edges.length - 1;
    if (value < edges[0]) this.counts[0]++;
    else if (value > edges[last]) this.counts[last + 2]++;
    else {
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = low + high >> 1;
        if (edges[middle] >= value) high = middle;
        else low = middle + 1;
      }
      this.counts[low + 1]++;
    }
  }
  text(value, line) {
    this.textCount++;
    if (this.firstText === void 0) this.firstText = { value, line, file: this.file };
  }
  missing() {
    this.missingCount++;
  }
};
var CategoryCounts = class {
  counts;
  size = 0;
  missingCount = 0;
  textCount = 0;
  firstText = void 0;
  file = "";
  index = /* @__PURE__ */ new Map();
  constructor(profile) {
    profile.top.forEach((entry, i) => this.index.set(entry.value, i));
    this.counts = new Float64Array(profile.top.length + 1);
  }
  number(value) {
    this.add(String(value));
  }
  text(value) {
    this.add(value);
  }
  missing() {
    this.missingCount++;
  }
  add(value) {
    this.size++;
    this.counts[this.index.get(value) ?? this.counts.length - 1]++;
  }
};
function compareColumns(reference, production, rows, alpha) {
  const columns = [];
  for (const [name, column] of production.byName) {
    const profile = reference.profile.columns.find((entry) => entry.name === name);
    columns.push(compareColumn(profile, column, reference.values?.get(name), production.seen.has(name)));
  }
  const tested = columns.filter((column) => column.pValue !== void 0);
  tested.sort((a, b) => a.pValue - b.pValue);
  let running = 0;
  tested.forEach((column, rank) => {
    running = Math.max(running, Math.min(1, (tested.length - rank) * column.pValue));
    column.adjustedPValue = running;
    column.drifted = running < alpha;
  });
  const judged = columns.filter((column) => column.pValue !== void 0 || column.drifted);
  const drifted = columns.filter((column) => column.drifted).length;
  return {
    alpha,
    rows,
    referenceRows: reference.profile.rows,
    columns,
    driftedShare: judged.length === 0 ? 0 : drifted / judged.length,
    drifted: drifted > 0
  };
}
function compareColumn(profile, column, referenceValues, seen) {
  const base = {
    column: profile.name,
    kind: profile.kind,
    n: column.size,
    referenceN: profile.count,
    missing: column.missingCount
  };
  if (!seen) return { ...base, drifted: true, note: "missing in production: no file has this column" };
  if (profile.kind === "numeric" && column.textCount > 0) {
    const first = column.firstText;
    return {
      ...base,
      drifted: true,
      note: `numeric in the reference, but production holds text (${JSON.stringify(first.value.slice(0, 40))} in ${first.file} line ${first.line}, ${column.textCount} cells)`
    };
  }
  if (profile.count === 0)
    return { ...base, drifted: false, note: "the reference has no values in this column: not tested" };
  if (column.size === 0) return { ...base, drifted: true, note: "every production cell is empty" };
  if (profile.kind === "categorical") {
    const categorical = column;
    if (profile.distinctCapped === true) {
      return {
        ...base,
        drifted: false,
        note: `more than ${profile.distinct.toLocaleString("en-US")} distinct values in the reference: an identifier, not a category; not tested`
      };
    }
    const referenceCounts = [...profile.top.map((entry) => entry.count), profile.other];
    const productionCounts = [...categorical.counts];
    const test2 = chiSquaredHomogeneity(referenceCounts, productionCounts);
    const labels2 = [...profile.top.map((entry) => entry.value), "other"];
    return {
      ...base,
      psi: populationStabilityIndex(referenceCounts, productionCounts),
      jensenShannon: jensenShannonDistance(referenceCounts, productionCounts),
      ...test2 === void 0 ? {} : { chi2PValue: test2.pValue, pValue: test2.pValue },
      method: "binned",
      drifted: false,
      ...test2 === void 0 ? { note: "one category in both samples: nothing to test" } : {},
      histogram: shares(labels2, referenceCounts, productionCounts)
    };
  }
  const edges = profile.edges;
  const labels = ["below", ...edges.map((edge) => `\u2264 ${formatEdge(edge)}`), "above"];
  const referenceCells = [0, ...profile.counts, 0];
  if (referenceValues !== void 0) {
    const values = column.sorted();
    const test2 = ksTest(ksStatistic(referenceValues, values), referenceValues.length, values.length);
    const cells2 = binValues(values, edges);
    return {
      ...base,
      ks: test2.statistic,
      ksPValue: test2.pValue,
      psi: populationStabilityIndex(referenceCells, cells2),
      wasserstein: wassersteinDistance(referenceValues, values),
      pValue: test2.pValue,
      method: "exact",
      drifted: false,
      histogram: shares(labels, referenceCells, cells2)
    };
  }
  const binned = column;
  const cells = [...binned.counts];
  const test = ksTest(binnedKsStatistic(profile, cells), profile.count, binned.size);
  return {
    ...base,
    ks: test.statistic,
    ksPValue: test.pValue,
    psi: populationStabilityIndex(referenceCells, cells),
    wasserstein: binnedWasserstein(profile, cells, binned.min, binned.max),
    pValue: test.pValue,
    method: "binned",
    drifted: false,
    histogram: shares(labels, referenceCells, cells)
  };
}
function formatEdge(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, "");
}
function shares(labels, reference, production) {
  const total1 = reference.reduce((sum, value) => sum + value, 0) || 1;
  const total2 = production.reduce((sum, value) => sum + value, 0) || 1;
  return {
    labels,
    reference: reference.map((value) => value / total1),
    production: production.map((value) => value / total2)
  };
}
function binValues(sorted, edges) {
  const cells = new Array(edges.length + 2).fill(0);
  let bin = 0;
  const last = edges.length - 1;
  for (const value of sorted) {
    if (value < edges[0]) cells[0]++;
    else if (value > edges[last]) cells[last + 2]++;
    else {
      while (value > edges[bin]) bin++;
      cells[bin + 1]++;
    }
  }
  return cells;
}
function binnedKsStatistic(profile, cells) {
  const n = cells.reduce((sum, value) => sum + value, 0);
  const referenceN = profile.count;
  let production = cells[0];
  let reference = 0;
  let largest = production / n;
  for (let i = 0; i < profile.counts.length; i++) {
    production += cells[i + 1];
    reference += profile.counts[i];
    largest = Math.max(largest, Math.abs(reference / referenceN - production / n));
  }
  return largest;
}
function binnedWasserstein(profile, cells, min, max) {
  const n = cells.reduce((sum, value) => sum + value, 0);
  const edges = profile.edges;
  const points = [];
  const f = [];
  const g = [];
  const knot = (x, reference2, production2) => {
    points.push(x);
    f.push(reference2);
    g.push(production2);
  };
  if (cells[0] > 0) knot(min, 0, 0);
  knot(edges[0], 0, cells[0] / n);
  let reference = 0;
  let production = cells[0];
  for (let i = 0; i < edges.length; i++) {
    reference += profile.counts[i];
    production += cells[i + 1];
    knot(edges[i], reference / profile.count, production / n);
  }
  if (cells[cells.length - 1] > 0) knot(max, 1, 1);
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const width = points[i] - points[i - 1];
    const d0 = f[i - 1] - g[i - 1];
    const d1 = f[i] - g[i];
    if (d0 * d1 >= 0) area += width * (Math.abs(d0) + Math.abs(d1)) / 2;
    else area += width * (d0 * d0 + d1 * d1) / (2 * (Math.abs(d0) + Math.abs(d1)));
  }
  return area;
}

// packages/core/src/drift/data-profile-check.ts
function checkDataProfile(check, value, path6) {
  const root = check.object(value, path6);
  const version = check.integer(check.required(root, path6, "version"), `${path6}.version`, 1);
  if (version !== DATA_PROFILE_VERSION) {
    check.fail(`${path6}.version`, `is ${version}; this version reads profiles of version ${DATA_PROFILE_VERSION}`);
  }
  const rows = check.integer(check.required(root, path6, "rows"), `${path6}.rows`, 0);
  const files = check.array(check.required(root, path6, "files"), `${path6}.files`, 1e4).map((file, i) => check.string(file, `${path6}.files[${i}]`));
  const columns = check.array(check.required(root, path6, "columns"), `${path6}.columns`, MAX_PROFILE_COLUMNS).map((item, i) => checkColumn(check, item, `${path6}.columns[${i}]`));
  const names = /* @__PURE__ */ new Set();
  columns.forEach((column, i) => {
    if (names.has(column.name)) check.fail(`${path6}.columns[${i}].name`, `names column "${column.name}" a second time`);
    names.add(column.name);
  });
  return { version: DATA_PROFILE_VERSION, rows, files, columns };
}
function checkColumn(check, value, path6) {
  const column = check.object(value, path6);
  const field = (key) => check.required(column, path6, key);
  const name = check.string(field("name"), `${path6}.name`, 1);
  const kind = check.oneOf(field("kind"), `${path6}.kind`, ["numeric", "categorical"]);
  const count = check.integer(field("count"), `${path6}.count`, 0);
  const missing = check.integer(field("missing"), `${path6}.missing`, 0);
  if (kind === "categorical") {
    const top = check.array(field("top"), `${path6}.top`, PROFILE_TOP_CATEGORIES).map((item, i) => {
      const entry = check.object(item, `${path6}.top[${i}]`);
      return {
        value: check.string(check.required(entry, `${path6}.top[${i}]`, "value"), `${path6}.top[${i}].value`),
        count: check.integer(check.required(entry, `${path6}.top[${i}]`, "count"), `${path6}.top[${i}].count`, 0)
      };
    });
    const other = check.integer(field("other"), `${path6}.other`, 0);
    if (top.reduce((sum, entry) => sum + entry.count, other) !== count) {
      check.fail(path6, "has top and other counts that do not add up to its count");
    }
    const capped = column["distinctCapped"];
    return {
      name,
      kind,
      count,
      missing,
      distinct: check.integer(field("distinct"), `${path6}.distinct`, 0),
      ...capped === void 0 ? {} : { distinctCapped: check.boolean(capped, `${path6}.distinctCapped`) },
      top,
      other
    };
  }
  const number = (key) => check.number(field(key), `${path6}.${key}`);
  const edges = check.array(field("edges"), `${path6}.edges`, PROFILE_BINS + 1).map((edge, i) => check.number(edge, `${path6}.edges[${i}]`));
  const counts = check.array(field("counts"), `${path6}.counts`, PROFILE_BINS + 1).map((n, i) => check.integer(n, `${path6}.counts[${i}]`, 0));
  if (edges.length < 1 || counts.length !== edges.length) {
    check.fail(path6, "needs at least one edge and one count per edge");
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) check.fail(`${path6}.edges`, "must be strictly ascending");
  }
  if (counts.reduce((sum, n) => sum + n, 0) !== count)
    check.fail(path6, "has bin counts that do not add up to its count");
  return {
    name,
    kind,
    count,
    missing,
    mean: number("mean"),
    std: check.number(field("std"), `${path6}.std`, 0),
    min: number("min"),
    max: number("max"),
    edges,
    counts
  };
}

// packages/core/src/files/delimited-record.ts
function splitQuoted(text, delimiterCode) {
  const fields = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += text[i];
    } else if (c === 34) inQuotes = true;
    else if (c === delimiterCode) {
      fields.push(field);
      field = "";
    } else field += text[i];
  }
  if (inQuotes) return void 0;
  fields.push(field);
  return fields;
}

// packages/core/src/files/file-error.ts
function fileError(file, message, line, column) {
  const position = line === void 0 ? "" : column === void 0 ? `:${line}` : `:${line}:${column}`;
  const where = { file };
  if (line !== void 0) where.line = line;
  if (column !== void 0) where.column = column;
  return new UserError(`${file}${position}: ${message}`, where);
}

// packages/core/src/files/line-stream.ts
import { isAscii } from "node:buffer";

// packages/core/src/files/regular-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
async function openRegularFile(absolutePath, displayName, options = {}) {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow === true ? constants.O_NOFOLLOW : 0);
  const handle = await open(absolutePath, flags).catch((thrown) => {
    if (options.noFollow === true && thrown?.code === "ELOOP") {
      throw fileError(displayName, "became a symbolic link after it was selected; refused");
    }
    throw thrown;
  });
  try {
    const info2 = await handle.stat();
    if (!info2.isFile()) throw fileError(displayName, `is not a regular file (${kindOf(info2)}); refused`);
    return handle;
  } catch (thrown) {
    await handle.close();
    throw thrown;
  }
}
function kindOf(info2) {
  if (info2.isFIFO()) return "a named pipe";
  if (info2.isSocket()) return "a socket";
  if (info2.isDirectory()) return "a folder";
  return "a device";
}

// packages/core/src/files/utf8-validation.ts
function findInvalidUtf8(bytes, start = 0, end = bytes.length) {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min = 128;
    let max = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) min = 160;
      if (b === 237) max = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) min = 144;
      if (b === 244) max = 143;
    } else return i;
    if (i + need >= end) return i;
    const second = bytes[i + 1];
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next < 128 || next > 191) return i;
    }
    i += need + 1;
  }
  return -1;
}
function lineOfByte(bytes, offset, start = 0) {
  let line = 1;
  for (let i = start; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
function lineOfChar(text, offset) {
  let line = 1;
  let lineStart = 0;
  let at = text.indexOf("\n");
  while (at !== -1 && at < offset) {
    line++;
    lineStart = at + 1;
    at = text.indexOf("\n", lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

// packages/core/src/files/line-stream.ts
var CHUNK_BYTES = 1024 * 1024;
var MAX_LINE_BYTES = 64 * 1024 * 1024;
var fatalDecoder = new TextDecoder("utf-8", { fatal: true });
async function forEachLine(absolutePath, displayName, onLine) {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    let lineNumber = 0;
    let totalBytes = 0;
    let first = true;
    for (; ; ) {
      if (filled === buffer.length) {
        if (buffer.length >= MAX_LINE_BYTES) {
          throw fileError(
            displayName,
            `line is longer than ${MAX_LINE_BYTES} bytes; is this a text file?`,
            lineNumber + 1
          );
        }
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      totalBytes += bytesRead;
      const end = filled + bytesRead;
      let start = 0;
      if (first && end > 0) {
        first = false;
        if (end >= 3 && buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191) start = 3;
      }
      const cut = bytesRead === 0 ? end : buffer.lastIndexOf(10, end - 1) + 1;
      if (cut > start) {
        const text = decodeLines(buffer, start, cut, displayName, lineNumber);
        let lineStart = 0;
        let newline = text.indexOf("\n");
        while (newline !== -1) {
          const lineEnd = newline > lineStart && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
          lineNumber++;
          onLine(text.slice(lineStart, lineEnd), lineNumber);
          lineStart = newline + 1;
          newline = text.indexOf("\n", lineStart);
        }
        if (lineStart < text.length) {
          lineNumber++;
          onLine(
            text.charCodeAt(text.length - 1) === 13 ? text.slice(lineStart, -1) : text.slice(lineStart),
            lineNumber
          );
        }
      }
      if (bytesRead === 0) break;
      const keep = end - Math.max(cut, start);
      if (keep > 0) buffer.copy(buffer, 0, end - keep, end);
      filled = keep;
    }
    if (totalBytes === 0) throw fileError(displayName, "file is empty");
    return lineNumber;
  } finally {
    await handle.close();
  }
}
function decodeLines(buffer, start, end, displayName, linesBefore) {
  const bytes = buffer.subarray(start, end);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw fileError(
      displayName,
      "contains a NUL byte, so it looks like a binary file, not text",
      linesBefore + lineOfByte(bytes, nul)
    );
  }
  if (isAscii(bytes)) return bytes.toString("latin1");
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      "not valid UTF-8 text (is this a binary file?)",
      linesBefore + lineOfByte(bytes, offset)
    );
  }
}

// packages/core/src/text/plain-object.ts
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// packages/core/src/text/number-text.ts
var EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
function parseDecimal(text, start, end) {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  while (end > i && text.charCodeAt(end - 1) === 32) end--;
  if (i === end) return NaN;
  const first = i;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === 45) {
    negative = true;
    i++;
  } else if (c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let sawDigit = false;
  while (i < end) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    sawDigit = true;
    if (digits > 0 || c !== 48) {
      mantissa = mantissa * 10 + (c - 48);
      if (++digits > 15) return Number(text.slice(first, end));
    }
    i++;
  }
  if (i < end && c === 46) {
    i++;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      sawDigit = true;
      if (digits > 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        if (++digits > 15) return Number(text.slice(first, end));
      }
      scale++;
      i++;
    }
  }
  if (!sawDigit) return NaN;
  if (i < end && (c === 101 || c === 69)) {
    i++;
    let exponentNegative = false;
    c = text.charCodeAt(i);
    if (c === 45) {
      exponentNegative = true;
      i++;
    } else if (c === 43) i++;
    let exponent = 0;
    let exponentDigits = 0;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (exponent < 1e5) exponent = exponent * 10 + (c - 48);
      exponentDigits++;
      i++;
    }
    if (exponentDigits === 0) return NaN;
    scale += exponentNegative ? exponent : -exponent;
  }
  if (i !== end) return NaN;
  let value;
  if (scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa / EXACT_POWERS_OF_TEN[scale] : mantissa * EXACT_POWERS_OF_TEN[-scale];
    return negative ? -value : value;
  }
  return Number(text.slice(first, end));
}
function parseNumberText(text, start = 0, end = text.length) {
  const value = parseDecimal(text, start, end);
  if (value === value) return value;
  return nonFiniteFromText(text.slice(start, end).trim());
}
function nonFiniteFromText(text) {
  if (text.length < 3 || text.length > 9) return void 0;
  let body = text.toLowerCase();
  let sign = 1;
  if (body.charCodeAt(0) === 45) {
    sign = -1;
    body = body.slice(1);
  } else if (body.charCodeAt(0) === 43) body = body.slice(1);
  if (body === "nan") return NaN;
  if (body === "inf" || body === "infinity") return sign * Infinity;
  return void 0;
}

// packages/core/src/drift/data-rows.ts
var MISSING_WORDS = /* @__PURE__ */ new Set([
  "na",
  "n/a",
  "nan",
  "-nan",
  "null",
  "none",
  "inf",
  "-inf",
  "+inf",
  "infinity",
  "-infinity"
]);
function dataFormat(path6) {
  const lower = path6.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".tsv") || lower.endsWith(".tab")) return "tsv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return void 0;
}
async function readDataRows(absolutePath, displayName, sink) {
  const format = dataFormat(displayName);
  if (format === void 0) {
    throw fileError(displayName, "is not a data file: name it .csv, .tsv or .jsonl (JSON Lines)");
  }
  return format === "jsonl" ? readJsonLines(absolutePath, displayName, sink) : readDelimited(absolutePath, displayName, format === "tsv" ? 9 : 44, sink);
}
async function readDelimited(absolutePath, displayName, delimiter, sink) {
  let sinks;
  let rows = 0;
  let pending = "";
  let pendingLine = 0;
  const separator = String.fromCharCode(delimiter);
  const cell = (target, text, start, end, line) => {
    if (target === void 0) return;
    const value = parseDecimal(text, start, end);
    if (value === value) {
      if (Number.isFinite(value)) target.number(value, line);
      else target.missing();
      return;
    }
    const trimmed = text.slice(start, end).trim();
    if (trimmed === "" || MISSING_WORDS.has(trimmed.toLowerCase())) target.missing();
    else target.text(trimmed, line);
  };
  await forEachLine(absolutePath, displayName, (lineText, lineNumber) => {
    let text = lineText;
    let line = lineNumber;
    if (pending !== "") {
      text = `${pending}
${lineText}`;
      line = pendingLine;
      pending = "";
    }
    if (sinks === void 0) {
      if (text.trim() === "") return;
      const names = splitQuoted(text, delimiter);
      if (names === void 0) {
        pending = text;
        pendingLine = line;
        return;
      }
      const trimmed = names.map((name) => name.trim());
      const seen = /* @__PURE__ */ new Set();
      trimmed.forEach((name, index) => {
        if (name === "") throw fileError(displayName, `header column ${index + 1} has no name`, line);
        if (seen.has(name)) throw fileError(displayName, `header names column "${name}" twice`, line);
        seen.add(name);
      });
      sinks = sink.columns(trimmed, displayName);
      return;
    }
    if (text.trim() === "") return;
    const width = sinks.length;
    if (text.indexOf('"') === -1) {
      let column = 0;
      let start = 0;
      for (; ; ) {
        const at = text.indexOf(separator, start);
        const end = at === -1 ? text.length : at;
        if (column < width) cell(sinks[column], text, start, end, line);
        column++;
        if (at === -1) break;
        start = at + 1;
      }
      if (column !== width) throw fieldCountError(displayName, column, width, line);
    } else {
      const fields = splitQuoted(text, delimiter);
      if (fields === void 0) {
        pending = text;
        pendingLine = line;
        return;
      }
      if (fields.length !== width) throw fieldCountError(displayName, fields.length, width, line);
      fields.forEach((field, column) => cell(sinks[column], field, 0, field.length, line));
    }
    rows++;
  });
  if (pending !== "") throw fileError(displayName, 'a quoted field is never closed (missing ")', pendingLine);
  if (sinks === void 0) throw fileError(displayName, "has no header row: the file is empty");
  return rows;
}
function fieldCountError(file, fields, width, line) {
  return fileError(file, `row has ${fields} field${fields === 1 ? "" : "s"} but the header has ${width}`, line);
}
async function readJsonLines(absolutePath, displayName, sink) {
  const names = [];
  const index = /* @__PURE__ */ new Map();
  let sinks = [];
  let rows = 0;
  let seen = new Uint8Array(0);
  await forEachLine(absolutePath, displayName, (text, line) => {
    if (text.trim() === "") return;
    let row;
    try {
      row = JSON.parse(text);
    } catch (thrown) {
      throw fileError(displayName, `is not JSON Lines: ${thrown.message}`, line);
    }
    if (!isPlainObject(row)) throw fileError(displayName, "a JSON Lines row must be an object of column values", line);
    let added = false;
    for (const key of Object.keys(row)) {
      if (!index.has(key)) {
        index.set(key, names.length);
        names.push(key);
        added = true;
      }
    }
    if (added) {
      const known = sinks.length;
      sinks = [...sinks, ...sink.columns(names, displayName).slice(known)];
      for (let column = known; column < names.length; column++) {
        for (let before = 0; before < rows; before++) sinks[column]?.missing();
      }
      const grown = new Uint8Array(names.length);
      grown.set(seen);
      seen = grown;
    }
    seen.fill(0);
    for (const [key, value] of Object.entries(row)) {
      const column = index.get(key);
      seen[column] = 1;
      const target = sinks[column];
      if (target === void 0) continue;
      if (typeof value === "number") {
        if (Number.isFinite(value)) target.number(value, line);
        else target.missing();
      } else if (typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed === "" || MISSING_WORDS.has(trimmed.toLowerCase())) target.missing();
        else target.text(trimmed, line);
      } else if (typeof value === "boolean") target.text(String(value), line);
      else if (value === null) target.missing();
      else target.text(JSON.stringify(value), line);
    }
    for (let column = 0; column < names.length; column++) if (seen[column] === 0) sinks[column]?.missing();
    rows++;
  });
  return rows;
}

// packages/core/src/files/workspace-path.ts
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
function isInsideFolder(parent, child) {
  const relative = path.relative(parent, child);
  return relative === "" || relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
function toWorkspaceRelative(root, absolute) {
  const relative = path.relative(root, absolute);
  return relative === "" ? "." : relative.split(path.sep).join("/");
}
async function resolveWorkspacePath(input, options, label = "path") {
  if (input.includes("\0")) throw new UserError(`${label} ${JSON.stringify(input)} contains a NUL character`);
  const workspace = path.resolve(options.workspace);
  const absolute = path.resolve(workspace, options.cwd, input);
  const lexicallyInside = isInsideFolder(workspace, absolute);
  const workspaceRoot = await realWorkspaceRoot(workspace);
  let real;
  try {
    real = await realpath(absolute);
  } catch (error2) {
    if (!lexicallyInside) throw outsideError(input, label);
    if (isMissing(error2)) {
      const link = await lstat(absolute).catch(() => void 0);
      if (link?.isSymbolicLink())
        throw new UserError(`${label} ${JSON.stringify(input)} is a symlink to something that does not exist`);
      throw new UserError(`${label} ${JSON.stringify(input)} does not exist`);
    }
    throw error2;
  }
  if (!isInsideFolder(workspaceRoot, real)) {
    if (lexicallyInside || isInsideFolder(workspaceRoot, absolute)) {
      throw new UserError(
        `${label} ${JSON.stringify(input)} is or goes through a symlink that leads outside the workspace; refusing to read it`
      );
    }
    throw outsideError(input, label);
  }
  const info2 = await stat(real);
  return {
    absolute: real,
    relative: toWorkspaceRelative(workspaceRoot, real),
    isDirectory: info2.isDirectory(),
    workspaceRoot
  };
}
async function listWorkspaceFolder(folder, options) {
  const results = [];
  const visited = /* @__PURE__ */ new Set([folder.absolute]);
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop();
    const entries = await readdir(current.absolute, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const subfolders2 = [];
    for (const entry of entries) {
      if (options.recursive && (entry.isDirectory() || entry.isSymbolicLink()) && options.skipFolder?.(entry.name) === true)
        continue;
      let absolute = path.join(current.absolute, entry.name);
      let isDirectory2 = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const shown = toWorkspaceRelative(folder.workspaceRoot, absolute);
        let real;
        try {
          real = await realpath(absolute);
        } catch {
          throw new UserError(`${shown} is a symlink to something that does not exist`);
        }
        if (!isInsideFolder(folder.workspaceRoot, real)) {
          throw new UserError(`${shown} is a symlink that leads outside the workspace; refusing to read it`);
        }
        absolute = real;
        isDirectory2 = (await stat(real)).isDirectory();
      } else if (!entry.isFile() && !isDirectory2) {
        continue;
      }
      const item = {
        absolute,
        relative: toWorkspaceRelative(folder.workspaceRoot, absolute),
        isDirectory: isDirectory2,
        workspaceRoot: folder.workspaceRoot
      };
      if (!options.recursive) results.push(item);
      else if (!isDirectory2) results.push(item);
      else if (!visited.has(absolute)) {
        visited.add(absolute);
        subfolders2.push(item);
      }
    }
    for (let i = subfolders2.length - 1; i >= 0; i--) pending.push(subfolders2[i]);
  }
  if (options.recursive) results.sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
  return results;
}
async function workspaceChild(folder, name) {
  const absolute = path.join(folder.absolute, name);
  let real;
  try {
    real = await realpath(absolute);
  } catch (error2) {
    if (isMissing(error2)) return void 0;
    throw error2;
  }
  const shown = toWorkspaceRelative(folder.workspaceRoot, absolute);
  if (!isInsideFolder(folder.workspaceRoot, real)) {
    throw new UserError(`${shown} is a symlink that leads outside the workspace; refusing to read it`);
  }
  const info2 = await stat(real);
  return {
    absolute: real,
    relative: toWorkspaceRelative(folder.workspaceRoot, real),
    isDirectory: info2.isDirectory(),
    workspaceRoot: folder.workspaceRoot
  };
}
async function realWorkspaceRoot(workspace) {
  try {
    return await realpath(workspace);
  } catch (error2) {
    if (isMissing(error2)) throw new UserError(`the workspace folder ${JSON.stringify(workspace)} does not exist`);
    throw error2;
  }
}
function outsideError(input, label) {
  return new UserError(
    `${label} ${JSON.stringify(input)} is outside the workspace; only files inside the repository can be read`
  );
}
function isMissing(error2) {
  const code = error2?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// packages/core/src/files/workspace-pattern.ts
import { glob, lstat as lstat2 } from "node:fs/promises";
import path2 from "node:path";
var GLOB_MAGIC = /[*?[\]{}]/;
function isGlobPattern(pattern) {
  return GLOB_MAGIC.test(pattern);
}
async function expandWorkspacePattern(pattern, options, label = "path") {
  const trimmed = pattern.trim();
  if (trimmed === "") throw new UserError(`empty ${label} pattern`);
  const workspace = path2.resolve(options.workspace);
  const cwd = path2.resolve(workspace, options.cwd);
  const literal = path2.resolve(cwd, trimmed);
  const exists2 = await lstat2(literal).then(
    () => true,
    () => false
  );
  if (exists2 || !isGlobPattern(trimmed)) return [await resolveWorkspacePath(trimmed, options, label)];
  const segments = trimmed.split(/[\\/]/);
  const firstMagic = segments.findIndex((segment) => isGlobPattern(segment));
  const base = path2.resolve(cwd, segments.slice(0, firstMagic).join("/") || ".");
  if (!isInsideFolder(workspace, base)) {
    throw new UserError(
      `${label} pattern ${JSON.stringify(trimmed)} is outside the workspace; only files inside the repository can be read`
    );
  }
  const seen = /* @__PURE__ */ new Map();
  for await (const match of glob(trimmed, { cwd })) {
    const resolved = await resolveWorkspacePath(match, options, label);
    if (!seen.has(resolved.absolute)) seen.set(resolved.absolute, resolved);
  }
  if (seen.size === 0) throw new UserError(`${label} pattern ${JSON.stringify(trimmed)} matches no files`);
  return [...seen.values()].sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
}

// packages/core/src/drift/measure-drift.ts
async function readDataFiles(files, sink) {
  let rows = 0;
  for (const file of files) rows += await readDataRows(file.absolute, file.display, sink);
  return rows;
}
async function profileDataFiles(files, columns) {
  const collector = new ColumnCollector(columns);
  const rows = await readDataFiles(files, collector);
  const names = files.map((file) => file.display).join(", ");
  if (rows === 0) throw new UserError(`${names}: no data rows to profile`);
  for (const wanted of columns ?? []) {
    if (!collector.byName.has(wanted)) throw new UserError(`${names}: no column "${wanted}"`);
  }
  const profile = profileColumns(
    collector.byName.values(),
    rows,
    files.map((file) => file.display)
  );
  const values = /* @__PURE__ */ new Map();
  for (const column of collector.byName.values()) if (column.isNumeric) values.set(column.name, column.sorted());
  return { profile, values };
}
async function measureDrift(reference, files, options) {
  const known = reference.profile.columns.map((column) => column.name);
  const names = options.columns ?? known;
  for (const name of names) {
    if (!known.includes(name)) {
      throw new UserError(
        `input "columns": "${name}" is not a column of the reference${options.source === void 0 ? "" : ` (${options.source})`}; it has ${known.slice(0, 20).join(", ")}${known.length > 20 ? ", ..." : ""}`
      );
    }
  }
  const production = new ProductionColumns(reference, names);
  const rows = await readDataFiles(files, production);
  if (rows === 0) {
    throw new UserError(
      `input "data": no data rows in ${files.map((file) => file.display).join(", ")}: an empty batch says nothing about drift`
    );
  }
  return compareColumns(reference, production, rows, options.alpha);
}
function driftValues(report) {
  const values = /* @__PURE__ */ Object.create(null);
  for (const column of report.columns) {
    const put = (name, value) => {
      if (value !== void 0) values[`${name}(${column.column})`] = value;
    };
    put("ks", column.ks);
    put("ks_p", column.ksPValue);
    put("psi", column.psi);
    put("wasserstein", column.wasserstein);
    put("chi2_p", column.chi2PValue);
    put("js", column.jensenShannon);
  }
  values["drifted_share"] = report.driftedShare;
  values["drifted_columns"] = report.columns.filter((column) => column.drifted).length;
  return values;
}
async function resolveDataFiles(patterns, options, label) {
  const files = /* @__PURE__ */ new Map();
  for (const pattern of patterns) {
    if (pattern.trim() === "") continue;
    for (const match of await expandWorkspacePattern(pattern, options, `${label} path`)) {
      const found = match.isDirectory ? (await listWorkspaceFolder(match, { recursive: true })).filter(
        (file) => dataFormat(file.relative) !== void 0
      ) : [match];
      for (const file of found) files.set(file.relative, { absolute: file.absolute, display: file.relative });
    }
  }
  if (files.size === 0) throw new UserError(`input "${label}": names no data files (.csv, .tsv, .jsonl)`);
  return [...files.values()].sort((a, b) => a.display < b.display ? -1 : a.display > b.display ? 1 : 0);
}

// packages/core/src/text/hidden-characters.ts
var HIDDEN = /[\p{Cf}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u180b|\u180c|\u180d/gu;
function showHiddenCharacters(text) {
  return text.replace(
    HIDDEN,
    (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}

// packages/core/src/text/markdown-escape.ts
var ZWJ = "\u200D";
var INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
var LINE_BREAK = /\r\n|[\r\n\t\u0085\u2028\u2029]/g;
var MARKUP = /[\\`*_[\]~|<>&]/g;
var MARKUP_REPLACEMENT = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;"
};
var MAX_CELL_LENGTH = 200;
function escapeInline(text) {
  return showHiddenCharacters(text.replace(INVISIBLE, "")).replace(LINE_BREAK, " ").replace(MARKUP, (char) => MARKUP_REPLACEMENT[char] ?? `\\${char}`).replace(/(?<![A-Za-z0-9_])@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`).replace(new RegExp("#(?=\\p{N})", "gu"), `#${ZWJ}`).replace(new RegExp("\\b(GH)-(?=\\p{N})", "giu"), `$1${ZWJ}-`);
}
function escapeCell(text, maxLength = MAX_CELL_LENGTH) {
  return escapeInline(truncateText(text, maxLength));
}
function truncateText(text, maxLength) {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
  return `${text.slice(0, end)}\u2026`;
}
function safeUrl(url) {
  if (url === void 0 || url === "") return void 0;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  return parsed.href.replace(
    /[\s"'()<>[\]\\`|]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function markdownLink(escapedText, url) {
  const href = safeUrl(url);
  return href === void 0 ? escapedText : `[${escapedText}](${href})`;
}

// packages/core/src/report/chart-palette.ts
var SERIES_COLOURS = [
  { name: "blue", hex: "#1F6FEB" },
  { name: "grey", hex: "#8C959F" },
  { name: "orange", hex: "#E16F24" },
  { name: "purple", hex: "#A371F7" },
  { name: "green", hex: "#2DA44E" },
  { name: "red", hex: "#D1242F" }
];
function seriesColour(index) {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}
function chartFrontmatter(colours) {
  return [
    "---",
    "config:",
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${colours.map((colour) => colour.hex).join(", ")}"`,
    "---"
  ];
}

// packages/core/src/report/mermaid-escape.ts
var REPLACEMENTS = {
  '"': "'",
  "`": "'",
  "%": "\uFF05",
  "#": "\uFF03",
  "<": "\u2039",
  ">": "\u203A",
  "&": "\uFF06",
  "\\": "\u2216"
};
var INVISIBLE2 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
var LINE_BREAK2 = /\r\n|[\r\n\t\u2028\u2029]/g;
var MAX_MERMAID_LABEL_LENGTH = 80;
function escapeMermaidLabel(text, maxLength = MAX_MERMAID_LABEL_LENGTH) {
  const label = showHiddenCharacters(text.replace(INVISIBLE2, "")).replace(LINE_BREAK2, " ").replace(/["`%#<>&\\]/g, (char) => REPLACEMENTS[char] ?? char).replace(/@(?=[\p{L}\p{N}_-])/gu, "@\u200D").replace(new RegExp("\\b(GH)-(?=\\p{N})", "giu"), "$1\u200D-").trim();
  return label === "" ? "(unnamed)" : truncateText(label, maxLength);
}

// packages/core/src/report/number-format.ts
var MISSING = "\u2014";
function clampPrecision(precision) {
  if (!Number.isFinite(precision)) return 4;
  return Math.min(17, Math.max(1, Math.round(precision)));
}
function formatNumber(value, precision) {
  if (value === void 0) return MISSING;
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "\u221E";
  if (value === -Infinity) return "-\u221E";
  const digits = clampPrecision(precision);
  const abs = Math.abs(value);
  if (abs === 0) return "0";
  if (abs >= 1e21 || abs < 1e-6) return trimZeros(value.toExponential(digits - 1));
  if (abs >= 10 ** digits) return String(Math.round(value));
  const text = value.toPrecision(digits);
  return text.includes("e") ? String(Math.round(value)) : trimZeros(text);
}
function trimZeros(text) {
  const exponentAt = text.indexOf("e");
  const mantissa = exponentAt === -1 ? text : text.slice(0, exponentAt);
  const exponent = exponentAt === -1 ? "" : text.slice(exponentAt);
  if (!mantissa.includes(".")) return text;
  return mantissa.replace(/\.?0+$/, "") + exponent;
}

// packages/core/src/drift/monitor-report.ts
var MAX_CHARTS = 6;
function isAlarm(view) {
  return view.drift.drifted || view.rules !== void 0 && !view.rules.passed;
}
function monitorHeadline(view) {
  const drifted = view.drift.columns.filter((column) => column.drifted).length;
  const failed = view.rules?.results.filter((result) => result.verdict !== "pass").length ?? 0;
  const parts = [];
  if (drifted > 0) parts.push(`drift in ${drifted} of ${view.drift.columns.length} columns`);
  if (failed > 0) parts.push(`${failed} failed rule${failed === 1 ? "" : "s"}`);
  const subject = `${view.name} in ${view.stage}`;
  return parts.length === 0 ? `${subject}: no drift, every rule passed` : `${subject}: ${parts.join(", ")}`;
}
function renderMonitorReport(view) {
  const alarm = isAlarm(view);
  const lines = [
    `### ${alarm ? "\u26A0\uFE0F" : "\u2705"} ${escapeInline(monitorHeadline(view))}`,
    "",
    describeContext(view),
    "",
    renderColumnTable(view.drift),
    ""
  ];
  if (view.rules !== void 0 && view.rules.results.length > 0) {
    lines.push("| Rule | Value | Verdict |", "| --- | ---: | --- |");
    for (const result of view.rules.results) {
      lines.push(
        `| ${escapeCell(result.rule)} | ${result.actual === void 0 ? "\u2014" : formatNumber(result.actual, 4)} | ${result.verdict === "pass" ? "\u2705 pass" : `\u274C ${escapeCell(result.message)}`} |`
      );
    }
    lines.push("");
  }
  const charted = view.drift.columns.filter((column) => column.drifted && column.histogram !== void 0);
  for (const column of charted.slice(0, MAX_CHARTS)) lines.push(renderHistogram(column), "");
  if (charted.length > MAX_CHARTS) lines.push(`_${charted.length - MAX_CHARTS} more drifted columns not charted._`, "");
  lines.push(
    `_Each column is tested at \u03B1 = ${view.drift.alpha} after Holm's adjustment over the ${view.drift.columns.filter((c) => c.pValue !== void 0).length} columns tested: numeric ones by the two-sample Kolmogorov-Smirnov test, categorical ones by a chi-squared test of both samples' counts. PSI and the distances are shown, not judged, unless a rule names them._`
  );
  return lines.join("\n");
}
function describeContext(view) {
  const version = view.version === void 0 ? "" : `Deployed: ${view.versionUrl === void 0 ? `\`v${view.version}\`` : markdownLink(`v${view.version}`, view.versionUrl)} \xB7 `;
  const files = view.files.slice(0, 5).map((file) => escapeInline(file));
  if (view.files.length > 5) files.push(`${view.files.length - 5} more`);
  return `${version}${markdownLink("workflow run", view.runUrl)} \xB7 checked ${view.checkedAt.toISOString().slice(0, 16).replace("T", " ")} UTC

Production: ${view.drift.rows.toLocaleString("en-US")} rows of ${files.join(", ")}. Reference: ${view.drift.referenceRows.toLocaleString("en-US")} rows (${escapeInline(view.referenceSource)}).`;
}
function renderColumnTable(report) {
  const rows = [
    "| Column | Kind | Rows | Statistics | p (Holm) | Threshold | Verdict |",
    "| --- | --- | ---: | --- | ---: | ---: | --- |"
  ];
  for (const column of report.columns) {
    const verdict = column.drifted ? "\u274C drifted" : column.pValue === void 0 ? "\u2796 not tested" : "\u2705 stable";
    const note = column.note === void 0 ? "" : ` (${column.note})`;
    rows.push(
      `| ${escapeCell(column.column)} | ${column.kind} | ${column.n.toLocaleString("en-US")} | ${statistics(column)} | ${column.adjustedPValue === void 0 ? "\u2014" : formatP(column.adjustedPValue)} | ${column.pValue === void 0 ? "\u2014" : `< ${report.alpha}`} | ${verdict}${escapeCell(note)} |`
    );
  }
  return rows.join("\n");
}
function statistics(column) {
  const parts = [];
  if (column.ks !== void 0) parts.push(`KS ${formatNumber(column.ks, 3)}`);
  if (column.chi2PValue !== void 0) parts.push(`\u03C7\xB2 p ${formatP(column.chi2PValue)}`);
  if (column.jensenShannon !== void 0) parts.push(`JS ${formatNumber(column.jensenShannon, 3)}`);
  if (column.psi !== void 0) parts.push(`PSI ${formatNumber(column.psi, 3)}`);
  if (column.wasserstein !== void 0) parts.push(`W\u2081 ${formatNumber(column.wasserstein, 3)}`);
  if (column.method === "binned" && column.kind === "numeric") parts.push("by profile");
  return parts.length === 0 ? "\u2014" : parts.join(" \xB7 ");
}
function formatP(p) {
  return p === 0 ? "0" : p < 1e-4 ? p.toExponential(1) : formatNumber(p, 3);
}
function renderHistogram(column) {
  const histogram = column.histogram;
  const kept = histogram.labels.map((label, i) => ({ label, reference: histogram.reference[i], production: histogram.production[i] })).filter((cell) => cell.reference > 0 || cell.production > 0);
  const percent = (share) => (share * 100).toFixed(1);
  const top = Math.max(...kept.flatMap((cell) => [cell.reference, cell.production])) * 100;
  const production = seriesColour(0);
  const reference = seriesColour(1);
  return [
    `**${escapeInline(column.column)}**: % of rows in each bin, ${reference.name} bars: reference, ${production.name} line: production`,
    "",
    "```mermaid",
    ...chartFrontmatter([reference, production]),
    "xychart-beta",
    `  title "${escapeMermaidLabel(column.column)}: reference vs production"`,
    `  x-axis [${kept.map((cell) => `"${escapeMermaidLabel(cell.label, 24)}"`).join(", ")}]`,
    `  y-axis "% of rows" 0 --> ${Math.ceil(top * 1.1)}`,
    `  bar [${kept.map((cell) => percent(cell.reference)).join(", ")}]`,
    `  line [${kept.map((cell) => percent(cell.production)).join(", ")}]`,
    "```"
  ].join("\n");
}
function driftOutput(report) {
  return report.columns.map(({ histogram: _histogram, ...rest }) => rest);
}

// packages/core/src/files/format-bytes.ts
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

// packages/core/src/files/hash-file.ts
var CHUNK = 4 * 1024 * 1024;

// packages/core/src/text/short-hash.ts
var LONE_SURROGATE = new RegExp("\\p{Cs}", "u");

// packages/core/src/files/text-file.ts
var MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
async function readTextFile(absolutePath, displayName, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_TEXT_FILE_BYTES;
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    const info2 = await handle.stat();
    if (info2.size > maxBytes) {
      throw fileError(
        displayName,
        `file is ${formatBytes(info2.size)}; ${options.kind ?? "files of this kind"} larger than ${formatBytes(maxBytes)} are refused (is this the right file?)`
      );
    }
    return decodeTextBytes(await handle.readFile(), displayName, options.allowEmpty ?? false);
  } finally {
    await handle.close();
  }
}
var fatalDecoder2 = new TextDecoder("utf-8", { fatal: true });
function decodeTextBytes(bytes, displayName, allowEmpty = false) {
  if (bytes.length === 0) {
    if (allowEmpty) return "";
    throw fileError(displayName, "file is empty");
  }
  let text;
  try {
    text = fatalDecoder2.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      `not valid UTF-8 text (bad byte at offset ${offset}; is this a binary file?)`,
      lineOfByte(bytes, offset)
    );
  }
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    throw fileError(
      displayName,
      "contains a NUL byte, so it looks like a binary file, not text",
      lineOfChar(text, nul).line
    );
  }
  if (!allowEmpty && text.trim() === "") throw fileError(displayName, "file is empty (only whitespace)");
  return text;
}

// packages/core/src/statistics/sample-summary.ts
function summarizeSample(values) {
  const n = values.length;
  if (n === 0) throw new Error("summary of no values");
  let min = values[0];
  let max = values[0];
  let sum = 0;
  for (const value of values) {
    sum += value;
    if (value < min || Number.isNaN(value)) min = value;
    if (value > max || Number.isNaN(value)) max = value;
  }
  if (n === 1) return { n, mean: values[0], std: void 0, min, max };
  const first = sum / n;
  let residuals = 0;
  if (Number.isFinite(first)) for (const value of values) residuals += value - first;
  const mean2 = first + residuals / n;
  let squares = 0;
  for (const value of values) squares += (value - mean2) ** 2;
  return { n, mean: mean2, std: Math.sqrt(squares / (n - 1)), min, max };
}

// packages/core/src/gate/aggregate.ts
var SpreadUnknown = class extends Error {
  constructor() {
    super("the standard deviation of a single value is unknown");
    this.name = "SpreadUnknown";
  }
};
function aggregateValues(aggregate, values) {
  if (values.length === 0) throw new Error(`${aggregate} of no values`);
  if (values.some(Number.isNaN)) return Number.NaN;
  if (aggregate === "median") {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
  const summary2 = summarizeSample(values);
  if (aggregate === "std") {
    if (summary2.std === void 0) throw new SpreadUnknown();
    return summary2.std;
  }
  return summary2[aggregate];
}

// packages/core/src/gate/closest-names.ts
function closestNames(name, candidates, limit = 3) {
  if (name.length > 200) return [];
  const wanted = name.toLowerCase();
  const wantedParts = splitParts(wanted);
  const allowed = Math.max(1, Math.ceil(wanted.length / 3));
  const scored = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const lower = candidate.toLowerCase();
    let score = editDistance(wanted, lower, allowed);
    for (const part of splitParts(lower)) {
      for (const wantedPart of wantedParts) {
        score = Math.min(score, editDistance(wantedPart, part, allowed) + 0.5);
      }
    }
    if (score <= allowed) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.candidate);
}
function splitParts(name) {
  return name.split(/[./_-]+/).filter((p) => p.length > 0);
}
function editDistance(a, b, cap) {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length];
}

// packages/core/src/gate/syntax-error.ts
var EXCERPT_WIDTH = 100;
function ruleSyntaxError(at, index, message) {
  const chars = Array.from(at.text.trimEnd());
  const caret = Array.from(at.text.slice(0, index)).length;
  const column = caret + 1;
  let start = 0;
  let end = chars.length;
  if (chars.length > EXCERPT_WIDTH) {
    start = Math.max(0, Math.min(caret - EXCERPT_WIDTH / 2, chars.length - EXCERPT_WIDTH));
    end = Math.min(chars.length, start + EXCERPT_WIDTH);
  }
  const shown = chars.slice(start, end).map(printable);
  const lead = start > 0 ? "..." : "";
  const tail = end < chars.length ? "..." : "";
  const pad = shown.slice(0, caret - start).map((c) => c === "	" ? "	" : " ").join("");
  const excerpt = `${lead}${shown.join("")}${tail}`;
  return new UserError(
    `${at.source}:${at.line}:${column}: ${message}
  ${excerpt}
  ${" ".repeat(lead.length)}${pad}^`,
    { file: at.source, line: at.line, column }
  );
}
var MAX_REPORTED = 20;
function ruleSyntaxErrors(errors) {
  if (errors.length === 1) return errors[0];
  const shown = errors.slice(0, MAX_REPORTED);
  const rest = errors.length - shown.length;
  const more = rest === 0 ? "" : `${errors[MAX_REPORTED].file ?? "rules"}: ${rest} more syntax ${rest === 1 ? "error" : "errors"} not shown`;
  return new UserErrors(shown, more);
}
function printable(c) {
  const code = c.codePointAt(0) ?? 0;
  if (c === "	") return c;
  if (code < 32 || code >= 127 && code <= 159 || code === 8232 || code === 8233) return "?";
  return c;
}

// packages/core/src/gate/tokenizer.ts
var NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
var NUMBER_TAIL = /[A-Za-z0-9_.]*/y;
var NAME = /[A-Za-z0-9_./-]*/y;
function tokenize(at) {
  const text = at.text;
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "	") {
      i += 1;
      continue;
    }
    if (c === "#") break;
    const start = i;
    if (isLetter(c) || c === "_") {
      NAME.lastIndex = i + 1;
      NAME.exec(text);
      i = NAME.lastIndex;
      tokens.push({ kind: "name", text: text.slice(start, i), quoted: false, start, end: i });
      continue;
    }
    if (isDigit(c) || c === "." && isDigit(text[i + 1] ?? "")) {
      NUMBER.lastIndex = i;
      NUMBER.exec(text);
      i = NUMBER.lastIndex;
      NUMBER_TAIL.lastIndex = i;
      NUMBER_TAIL.exec(text);
      if (NUMBER_TAIL.lastIndex > i) {
        throw ruleSyntaxError(at, start, `invalid number '${clip2(text.slice(start, NUMBER_TAIL.lastIndex))}'`);
      }
      const numeral = text.slice(start, i);
      const value = Number(numeral);
      if (!Number.isFinite(value)) throw ruleSyntaxError(at, start, `number '${clip2(numeral)}' is too large`);
      tokens.push({ kind: "number", text: numeral, value, start, end: i });
      continue;
    }
    if (c === "`") {
      const close = text.indexOf("`", i + 1);
      if (close < 0) throw ruleSyntaxError(at, start, "unterminated name: missing the closing '`'");
      if (close === i + 1) throw ruleSyntaxError(at, start, "empty name ``");
      i = close + 1;
      tokens.push({ kind: "name", text: text.slice(start + 1, close), quoted: true, start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "==" || two === "!=") {
      i += 2;
      tokens.push({ kind: "compare", text: two, start, end: i });
      continue;
    }
    if (c === "<" || c === ">") {
      i += 1;
      tokens.push({ kind: "compare", text: c, start, end: i });
      continue;
    }
    if (c === "+" || c === "-" || c === "*" || c === "/" || c === "(" || c === ")" || c === ":" || c === "%") {
      i += 1;
      tokens.push({ kind: "punct", text: c, start, end: i });
      continue;
    }
    throw ruleSyntaxError(at, start, unexpectedCharacter(text, i));
  }
  const contentEnd = i;
  const last = tokens[tokens.length - 1];
  const endAt = last === void 0 ? contentEnd : last.end;
  tokens.push({ kind: "end", text: "", start: endAt, end: endAt });
  return { tokens, contentEnd };
}
function unexpectedCharacter(text, i) {
  const c = text[i];
  if (c === "=") {
    if (text[i + 1] === ">") return "'=>' is not a comparison; did you mean '>='?";
    if (text[i + 1] === "<") return "'=<' is not a comparison; did you mean '<='?";
    return "unexpected '='; compare with '==', '<=' or '>='";
  }
  if (c === "!") return "unexpected '!'; did you mean '!='?";
  const code = text.codePointAt(i) ?? 0;
  const shown = String.fromCodePoint(code);
  if (code < 32 || code === 127 || /\s/u.test(shown)) {
    return `unexpected character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  if (code > 127) {
    return `unexpected character '${shown}'; write names with such characters in backticks, e.g. \`val loss\``;
  }
  return `unexpected character '${shown}'`;
}
function isLetter(c) {
  return c >= "a" && c <= "z" || c >= "A" && c <= "Z";
}
function isDigit(c) {
  return c >= "0" && c <= "9";
}
function clip2(text) {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
function describeName(name) {
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(name) ? name : `\`${name}\``;
}

// packages/core/src/gate/expression.ts
var DivisionByZero = class extends Error {
  divisor;
  constructor(divisor) {
    super("division by zero");
    this.name = "DivisionByZero";
    this.divisor = divisor;
  }
};
var NotFinite = class extends Error {
  part;
  value;
  constructor(part, value) {
    super(`${formatExpr(part)} is ${value}`);
    this.name = "NotFinite";
    this.part = part;
    this.value = value;
  }
};
function evaluateExpr(expr, metric, values) {
  const value = evaluatePart(expr, metric, values);
  if (!Number.isFinite(value)) throw new NotFinite(expr, value);
  return value;
}
function evaluatePart(expr, metric, values) {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "baseline":
      return values.baseline(expr.metric ?? metric);
    case "aggregate":
      return values.aggregate(expr.aggregate, expr.of, expr.metric ?? metric);
    case "negate":
      return -evaluateExpr(expr.operand, metric, values);
    case "binary":
      return arithmetic(expr, evaluateExpr(expr.left, metric, values), evaluateExpr(expr.right, metric, values));
    case "margin": {
      const base = evaluateExpr(expr.base, metric, values);
      const up = expr.direction === "above" ? base >= 0 : base < 0;
      return base * (up ? 1 + expr.percent / 100 : 1 - expr.percent / 100);
    }
  }
}
function arithmetic(expr, left, right) {
  switch (expr.op) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      if (right === 0) throw new DivisionByZero(expr.right);
      return left / right;
  }
}
function exprMetrics(expr, metric) {
  const found = { baseline: /* @__PURE__ */ new Set(), candidate: /* @__PURE__ */ new Set() };
  const visit = (e) => {
    if (e.kind === "baseline") found.baseline.add(e.metric ?? metric);
    else if (e.kind === "aggregate") found[e.of].add(e.metric ?? metric);
    else if (e.kind === "negate") visit(e.operand);
    else if (e.kind === "binary") {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === "margin") visit(e.base);
  };
  visit(expr);
  return found;
}
var PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 };
function formatExpr(expr) {
  switch (expr.kind) {
    case "number":
      return String(expr.value);
    case "baseline":
      return expr.metric === void 0 ? "baseline" : `baseline.${describeName(expr.metric)}`;
    case "aggregate":
      return `${expr.aggregate}(${aggregateArgument(expr)})`;
    case "negate": {
      const inner = formatExpr(expr.operand);
      return expr.operand.kind === "binary" || expr.operand.kind === "margin" ? `-(${inner})` : `-${inner}`;
    }
    case "binary": {
      const own = PRECEDENCE[expr.op];
      const side = (e, strict) => {
        const text = formatExpr(e);
        const inner = e.kind === "binary" ? PRECEDENCE[e.op] : e.kind === "margin" ? 1 : 3;
        return inner < own || strict && inner === own ? `(${text})` : text;
      };
      return `${side(expr.left, false)} ${expr.op} ${side(expr.right, true)}`;
    }
    case "margin":
      return `${formatExpr(expr.base)} ${expr.direction === "above" ? "+" : "-"} ${expr.percent}%`;
  }
}
function aggregateArgument(expr) {
  if (expr.of === "baseline")
    return formatExpr({ kind: "baseline", ...expr.metric === void 0 ? {} : { metric: expr.metric } });
  const metric = expr.metric;
  return metric === "baseline" || metric.startsWith("baseline.") ? `\`${metric}\`` : describeName(metric);
}

// packages/core/src/gate/message-number.ts
function formatNumber2(n) {
  if (!Number.isFinite(n) || Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(6)));
}
function formatPair(a, b) {
  const short = [formatNumber2(a), formatNumber2(b)];
  return short[0] === short[1] && !Object.is(a, b) ? [String(a), String(b)] : short;
}

// packages/core/src/statistics/noise-verdict.ts
function noiseVerdict(test, direction, alpha) {
  if (test === void 0) return "single-run";
  if (!(test.pValue < alpha) || test.difference === 0) return "within-noise";
  return direction === "higher" === test.difference > 0 ? "better" : "worse";
}

// packages/core/src/statistics/welch-test.ts
function welchTest(candidate, baseline, confidence = 0.95) {
  if (candidate.n < 2 || baseline.n < 2) return void 0;
  const { std: s1 } = candidate;
  const { std: s2 } = baseline;
  if (s1 === void 0 || s2 === void 0) return void 0;
  if (![candidate.mean, baseline.mean, s1, s2].every(Number.isFinite)) return void 0;
  const difference = candidate.mean - baseline.mean;
  const v1 = s1 * s1 / candidate.n;
  const v2 = s2 * s2 / baseline.n;
  const variance = v1 + v2;
  if (variance === 0) return differenceTest(difference, 0, candidate.n + baseline.n - 2, confidence);
  const standardError = Math.sqrt(variance);
  const share1 = v1 / variance;
  const share2 = v2 / variance;
  const df = 1 / (share1 * share1 / (candidate.n - 1) + share2 * share2 / (baseline.n - 1));
  return differenceTest(difference, standardError, df, confidence);
}
function differenceTest(difference, standardError, df, confidence) {
  if (standardError === 0) {
    const t2 = difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity;
    return {
      difference,
      standardError,
      df,
      t: t2,
      pValue: difference === 0 ? 1 : 0,
      ciLow: difference,
      ciHigh: difference
    };
  }
  const t = difference / standardError;
  const halfWidth = twoSidedCriticalValue(1 - confidence, df) * standardError;
  return {
    difference,
    standardError,
    df,
    t,
    pValue: twoSidedTailProbability(t, df),
    ciLow: difference - halfWidth,
    ciHigh: difference + halfWidth
  };
}

// packages/core/src/statistics/outside-noise-test.ts
function outsideNoiseTest(candidate, baseline, noise, confidence = 0.95) {
  const { std, df } = noise;
  if (![candidate.mean, baseline.mean, std, df].every(Number.isFinite) || std < 0 || df < 1) return void 0;
  const difference = candidate.mean - baseline.mean;
  return differenceTest(difference, std * Math.sqrt(1 / candidate.n + 1 / baseline.n), df, confidence);
}

// packages/core/src/gate/significance.ts
function judgeSignificance(rule, significance, sides, alpha, historyNoise) {
  const candidate = sides.runs.map((run2) => run2.metrics[rule.metric].value);
  const baseline = sides.baseline.flatMap(
    (run2) => Object.hasOwn(run2.metrics, rule.metric) ? [run2.metrics[rule.metric].value] : []
  );
  if (baseline.length === 0) return { kind: "plain", note: "" };
  const single = candidate.length < 2 || baseline.length < 2;
  if (single && historyNoise === void 0) {
    const note = `; single-run: ${runs(candidate.length)} here and ${baseline.length} in the baseline, so judged as measured, without a significance test`;
    return { kind: "plain", noise: "single-run", note };
  }
  const c = summarizeSample(candidate);
  const b = summarizeSample(baseline);
  const untestable = { kind: "plain", note: "; not tested for significance: a value is not finite" };
  const spreads = single ? [] : [c.std, b.std];
  if (![c.mean, b.mean, ...spreads].every((v) => v !== void 0 && Number.isFinite(v))) return untestable;
  let threshold;
  try {
    threshold = evaluateExpr(rule.threshold, rule.metric, {
      baseline: () => b.mean,
      aggregate: () => {
        throw new Error("a significant rule has no aggregates in its threshold");
      }
    });
  } catch (thrown) {
    if (thrown instanceof NotFinite) return untestable;
    throw thrown;
  }
  const shift = threshold - b.mean;
  const moved = shift === 0 ? b : summarizeSample(baseline.map((v) => v + shift));
  const test = historyNoise !== void 0 && single ? outsideNoiseTest(c, moved, historyNoise, 1 - alpha) : welchTest(c, moved, 1 - alpha);
  if (test === void 0) return untestable;
  const noise = noiseVerdict(test, significance.direction, alpha);
  const difference = c.mean - b.mean;
  const ciLow = test.ciLow + shift;
  const ciHigh = test.ciHigh + shift;
  const message = `${describeName(rule.metric)}: mean ${formatNumber2(c.mean)} over ${runs(c.n)} vs ${formatNumber2(b.mean)} over ${b.n} baseline ${b.n === 1 ? "run" : "runs"}; change ${formatNumber2(difference)} (${formatNumber2((1 - alpha) * 100)}% CI ${formatNumber2(ciLow)} to ${formatNumber2(ciHigh)}), p = ${formatNumber2(test.pValue)}: ${verdictWords(noise, Math.abs(shift), alpha)}` + (single && historyNoise !== void 0 ? `; ${historyNoiseWords(historyNoise)}` : "");
  return {
    kind: "tested",
    result: {
      verdict: noise === "worse" ? "fail" : "pass",
      actual: c.mean,
      threshold,
      baseline: b.mean,
      noise,
      pValue: test.pValue,
      difference,
      ciLow,
      ciHigh,
      message
    }
  };
}
function verdictWords(noise, margin, alpha) {
  const p = formatNumber2(alpha);
  if (margin === 0) {
    if (noise === "worse") return `worse beyond the noise (p < ${p})`;
    if (noise === "better") return `better beyond the noise (p < ${p})`;
    return `within noise (p >= ${p})`;
  }
  const by = `the margin ${formatNumber2(margin)}`;
  if (noise === "worse") return `worse by more than ${by}, beyond the noise (p < ${p})`;
  if (noise === "better") return `within ${by} (p < ${p})`;
  return `within noise of ${by} (p >= ${p})`;
}
function historyNoiseWords(noise) {
  const over = noise.method === "replicates" ? `pooled over the replicates of the base branch's last ${noise.entries} history entries` : `over the base branch's last ${noise.entries} single-run history entries`;
  return `noise from history: a side has a single run, so the spread of one run is ${formatNumber2(noise.std)} (${over})`;
}
function runs(count) {
  return `${count} ${count === 1 ? "run" : "runs"}`;
}

// packages/core/src/gate/evaluate.ts
function evaluateRules(rules, context) {
  const groups = experimentRuns(context.runs, context.baseline);
  const results = groups.length === 0 ? rules.map((rule) => ({ ...resultHead(rule), verdict: "error", message: "no runs to judge" })) : groups.flatMap(
    (group) => rules.map((rule) => ({ experiment: group.experiment, ...evaluateRule(rule, group, context) }))
  );
  return { passed: results.every((r) => r.verdict !== "fail" && r.verdict !== "error"), results };
}
function experimentRuns(runs2, baseline) {
  const byName = /* @__PURE__ */ new Map();
  for (const run2 of runs2) byName.set(run2.experiment, [...byName.get(run2.experiment) ?? [], run2]);
  const baselineRuns = baseline ?? [];
  const single = byName.size === 1 && new Set(baselineRuns.map((r) => r.experiment)).size === 1;
  return [...byName.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0).map((experiment) => {
    const same = baselineRuns.filter((b) => b.experiment === experiment);
    return { experiment, runs: byName.get(experiment), baseline: same.length > 0 || !single ? same : baselineRuns };
  });
}
var OneRun = class extends Error {
};
function resultHead(rule) {
  return {
    rule: rule.text,
    line: rule.line,
    metric: rule.metric,
    ...rule.aggregate === void 0 ? {} : { aggregate: rule.aggregate }
  };
}
function evaluateRule(rule, group, context) {
  const head = resultHead(rule);
  const { runs: runs2 } = group;
  const needed = [rule.metric, ...exprMetrics(rule.threshold, rule.metric).candidate];
  for (const metric of needed) {
    const missing = runs2.filter((run2) => !Object.hasOwn(run2.metrics, metric));
    if (missing.length > 0) return { ...head, verdict: "fail", message: missingMetric(metric, runs2, missing) };
  }
  if (rule.significance !== void 0) {
    const tested = judgeSignificance(
      rule,
      rule.significance,
      group,
      context.alpha,
      context.historyNoise?.(group.experiment, rule.metric)
    );
    if (tested.kind === "tested") return { ...head, ...tested.result };
    const plain = evaluatePlain(rule, head, group, context);
    return {
      ...plain,
      ...tested.noise === void 0 ? {} : { noise: tested.noise },
      message: plain.message + tested.note
    };
  }
  return evaluatePlain(rule, head, group, context);
}
function evaluatePlain(rule, head, group, context) {
  const { runs: runs2 } = group;
  const valueIn = (run2) => run2.metrics[rule.metric].value;
  if (rule.aggregate !== void 0) {
    const aggregate = rule.aggregate;
    const label2 = `${aggregate}(${describeName(rule.metric)}) over ${runs2.length} ${runs2.length === 1 ? "run" : "runs"}`;
    let actual;
    try {
      actual = aggregateValues(aggregate, runs2.map(valueIn));
    } catch (thrown) {
      if (!(thrown instanceof SpreadUnknown)) throw thrown;
      return {
        ...head,
        verdict: "skipped",
        message: oneRunReason(`${aggregate}(${describeName(rule.metric)})`, "this experiment", 1)
      };
    }
    const check = judge(rule, actual, group, (values) => aggregateValues(aggregate, values), context);
    return { ...head, ...checkFields(check), message: describeCheck(check, label2, rule.op) };
  }
  const checks = runs2.map((run2) => ({ run: run2, check: judge(rule, valueIn(run2), group, mean, context) }));
  const label = describeName(rule.metric);
  const several = runs2.length > 1;
  const of = (count) => `${count} of ${runs2.length} runs`;
  const errored = checks.find((c) => c.check.verdict === "error");
  if (errored !== void 0) {
    const where = several ? ` in ${runName(errored.run)}` : "";
    return {
      ...head,
      ...checkFields(errored.check),
      message: `${describeCheck(errored.check, label, rule.op)}${where}`
    };
  }
  const failing = checks.filter((c) => c.check.verdict === "fail");
  if (failing.length > 0) {
    const compared = failing.filter((c) => c.check.reason === void 0);
    const worst2 = compared.length > 0 ? worstOf(compared, rule.op) : failing[0];
    const where = several ? ` in ${runName(worst2.run)} (${of(failing.length)} fail)` : "";
    return { ...head, ...checkFields(worst2.check), message: `${describeCheck(worst2.check, label, rule.op)}${where}` };
  }
  const passing = checks.filter((c) => c.check.verdict === "pass");
  if (passing.length === 0) {
    const first = checks[0];
    return { ...head, ...checkFields(first.check), message: describeCheck(first.check, label, rule.op) };
  }
  const worst = worstOf(passing, rule.op);
  let message = describeCheck(worst.check, label, rule.op);
  if (several)
    message += `; worst of ${passing.length} ${passing.length === 1 ? "run" : "runs"}: ${runName(worst.run)}`;
  const skipped = checks.length - passing.length;
  if (skipped > 0) message += `; skipped for ${of(skipped)} (no baseline)`;
  return { ...head, ...checkFields(worst.check), message };
}
function judge(rule, actual, group, combine, context) {
  const baselineValues = /* @__PURE__ */ new Map();
  const reads = exprMetrics(rule.threshold, rule.metric);
  for (const metric of reads.baseline) {
    if (group.baseline.length === 0) return noBaseline(actual, void 0, context.requireBaseline);
    const values2 = group.baseline.flatMap((run2) => {
      const found = run2.metrics[metric];
      return found !== void 0 && Object.hasOwn(run2.metrics, metric) ? [found.value] : [];
    });
    if (values2.length === 0) {
      if (!group.runs.some((run2) => Object.hasOwn(run2.metrics, metric))) {
        return { verdict: "error", actual, reason: unknownBaselineMetric(metric, group) };
      }
      return noBaseline(actual, metric, context.requireBaseline);
    }
    baselineValues.set(metric, values2);
  }
  const ownBaseline = baselineValues.get(rule.metric);
  const baseline = ownBaseline === void 0 ? void 0 : combine(ownBaseline);
  const withBaseline = baseline === void 0 ? {} : { baseline };
  const values = {
    baseline: (metric) => combine(baselineValues.get(metric)),
    aggregate: (aggregate, of, metric) => {
      const sample = of === "baseline" ? baselineValues.get(metric) : group.runs.map((run2) => run2.metrics[metric].value);
      try {
        return aggregateValues(aggregate, sample);
      } catch (thrown) {
        if (!(thrown instanceof SpreadUnknown)) throw thrown;
        const written = formatExpr({
          kind: "aggregate",
          aggregate,
          of,
          ...metric === rule.metric && of === "baseline" ? {} : { metric }
        });
        throw new OneRun(oneRunReason(written, of === "baseline" ? "the baseline" : "this experiment", sample.length));
      }
    }
  };
  let threshold;
  try {
    threshold = evaluateExpr(rule.threshold, rule.metric, values);
  } catch (thrown) {
    if (thrown instanceof OneRun) return { verdict: "skipped", actual, ...withBaseline, reason: thrown.message };
    if (thrown instanceof NotFinite) {
      return {
        verdict: "error",
        actual,
        ...withBaseline,
        reason: `the threshold cannot be computed: ${thrown.message}`
      };
    }
    if (!(thrown instanceof DivisionByZero)) throw thrown;
    const divisor = thrown.divisor.kind === "number" ? "" : `: ${formatExpr(thrown.divisor)} is 0`;
    return { verdict: "error", actual, ...withBaseline, reason: `division by zero${divisor}` };
  }
  return { verdict: compare(actual, rule.op, threshold) ? "pass" : "fail", actual, threshold, ...withBaseline };
}
function oneRunReason(written, side, count) {
  return `skipped (one run): ${written} needs at least two runs, and ${side} has ${count}; the spread of one run is unknown`;
}
function noBaseline(actual, metric, required) {
  const what = metric === void 0 ? "no baseline" : `the baseline has no metric "${metric}"`;
  if (required) return { verdict: "fail", actual, reason: `${what}, and a baseline is required` };
  return {
    verdict: "skipped",
    actual,
    reason: metric === void 0 ? "skipped (no baseline)" : `skipped (no baseline): ${what}`
  };
}
function compare(actual, op, threshold) {
  if (Number.isNaN(actual) || Number.isNaN(threshold)) return false;
  switch (op) {
    case "<":
      return actual < threshold;
    case "<=":
      return actual <= threshold;
    case ">":
      return actual > threshold;
    case ">=":
      return actual >= threshold;
    case "==":
      return actual === threshold;
    case "!=":
      return actual !== threshold;
  }
}
function worstOf(items, op) {
  let worst = items[0];
  for (const item of items) if (safety(item.check, op) < safety(worst.check, op)) worst = item;
  return worst;
}
function safety(check, op) {
  const { actual, threshold } = check;
  if (threshold === void 0) return Number.NEGATIVE_INFINITY;
  let distance;
  if (op === "<" || op === "<=") distance = threshold - actual;
  else if (op === ">" || op === ">=") distance = actual - threshold;
  else if (op === "==") distance = -Math.abs(actual - threshold);
  else distance = Math.abs(actual - threshold);
  return Number.isNaN(distance) ? Number.NEGATIVE_INFINITY : distance;
}
function missingMetric(metric, runs2, missing) {
  if (missing.length < runs2.length) {
    const where = `metric "${metric}" not found in ${runName(missing[0])} (missing from ${missing.length} of ${runs2.length} runs)`;
    return withClosest(where, metric, Object.keys(missing[0].metrics));
  }
  const names = runs2.flatMap((run2) => Object.keys(run2.metrics));
  if (names.length === 0) return `metric "${metric}" not found (the runs have no metrics)`;
  return withClosest(`metric "${metric}" not found`, metric, names);
}
function unknownBaselineMetric(metric, group) {
  const names = [...group.runs, ...group.baseline].flatMap((run2) => Object.keys(run2.metrics));
  return withClosest(`metric "${metric}" not found in the runs or the baseline`, metric, names);
}
function withClosest(message, metric, names) {
  const closest = closestNames(metric, names);
  return closest.length > 0 ? `${message}; closest: ${closest.join(", ")}` : message;
}
function checkFields(check) {
  return {
    verdict: check.verdict,
    actual: check.actual,
    ...check.threshold === void 0 ? {} : { threshold: check.threshold },
    ...check.baseline === void 0 ? {} : { baseline: check.baseline }
  };
}
function describeCheck(check, label, op) {
  if (check.reason !== void 0) return check.reason;
  const threshold = check.threshold;
  const [actual, limit] = formatPair(check.actual, threshold);
  const baseline = check.baseline === void 0 ? "" : ` (baseline ${formatNumber2(check.baseline)})`;
  if (check.verdict === "pass") return `${label} = ${actual} ${op} ${limit}${baseline}`;
  const nan = Number.isNaN(check.actual) || Number.isNaN(threshold) ? "; a comparison with NaN fails" : "";
  return `${label} = ${actual}, not ${op} ${limit}${baseline}${nan}`;
}
function mean(values) {
  return aggregateValues("mean", values);
}
function runName(run2) {
  return `${run2.experiment}/${run2.runId}`;
}

// packages/core/src/gate/rule.ts
var AGGREGATES = ["mean", "min", "max", "median", "std"];
var DRIFT_STATISTICS = ["ks", "ks_p", "psi", "wasserstein", "chi2_p", "js"];

// packages/core/src/gate/parser.ts
var MAX_DEPTH = 100;
var COMPARISON_LIST = "<, <=, >, >=, ==, !=";
var SIGNIFICANT = "significant";
function parseRules(text, source = "rules") {
  const errors = [];
  const rules = collectRules(text, source, errors);
  if (errors.length > 0) throw ruleSyntaxErrors(errors);
  return rules;
}
function collectRules(text, source, errors) {
  const rules = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    const at = { source, line: index + 1, text: lineText };
    try {
      const { tokens, contentEnd } = tokenize(at);
      if (tokens.length === 1) return;
      const parser = new LineParser(at, tokens);
      rules.push({ text: lineText.slice(0, contentEnd).trim(), line: at.line, ...parser.parseRule() });
    } catch (thrown) {
      if (!(thrown instanceof UserError)) throw thrown;
      errors.push(thrown);
    }
  });
  return rules;
}
var LineParser = class {
  at;
  tokens;
  position = 0;
  nesting = 0;
  /** The rule's metric, once the left side is read: messages suggest fixes with it. */
  metric = "";
  constructor(at, tokens) {
    this.at = at;
    this.tokens = tokens;
  }
  parseRule() {
    const left = this.parseLeft();
    this.metric = left.metric;
    const leftText = left.aggregate === void 0 ? describeName(left.metric) : `${left.aggregate}(${describeName(left.metric)})`;
    const next = this.peek();
    if (next.kind === "compare") {
      this.advance();
      const threshold = this.parseSum(next).expr;
      this.expectEnd();
      return { ...left, op: next.text, threshold };
    }
    if (next.kind === "punct" && next.text === ":") {
      this.advance();
      const { written, ...shorthand } = this.parseShorthand();
      if (shorthand.significance !== void 0 && left.aggregate !== void 0) {
        throw this.error(
          this.tokens[0],
          `'significant' compares the replicates themselves, not an aggregate of them: write ${clip2(`${describeName(left.metric)}: ${written}`)}`
        );
      }
      return { ...left, ...shorthand };
    }
    let message = `expected a comparison (${COMPARISON_LIST}) or ':' after '${clip2(leftText)}'`;
    if (next.kind === "name" && !next.quoted) {
      message += `; names with spaces are written in backticks, e.g. \`${clip2(`${left.metric} ${next.text}`)}\``;
    }
    throw this.error(next, message);
  }
  /** `metric`, `` `odd metric` `` or `mean(metric)`. */
  parseLeft() {
    const first = this.peek();
    if (first.kind !== "name") {
      let message = "expected a metric name at the start of the rule";
      if (first.kind === "number") message += ", e.g. accuracy >= 0.9";
      throw this.error(first, message);
    }
    this.advance();
    const open3 = this.peek();
    if (first.quoted || !(open3.kind === "punct" && open3.text === "(")) return { metric: first.text };
    if (DRIFT_STATISTICS.includes(first.text)) {
      this.advance();
      const column = this.peek();
      if (column.kind !== "name") throw this.error(column, `expected a column name after '${first.text}('`);
      this.advance();
      const close2 = this.peek();
      if (!(close2.kind === "punct" && close2.text === ")")) {
        throw this.error(close2, `expected ')' to close '${first.text}('`);
      }
      this.advance();
      return { metric: `${first.text}(${column.text})` };
    }
    const aggregate = asAggregate(first.text);
    if (aggregate === void 0) {
      throw this.error(
        first,
        `unknown aggregate '${clip2(first.text)}'; use ${AGGREGATES.join(", ")} (or a drift statistic: ${DRIFT_STATISTICS.join(", ")})`
      );
    }
    this.advance();
    const inner = this.peek();
    if (inner.kind !== "name") throw this.error(inner, `expected a metric name after '${aggregate}('`);
    this.advance();
    const close = this.peek();
    if (!inner.quoted && close.kind === "punct" && close.text === "(" && asAggregate(inner.text) !== void 0) {
      throw this.error(inner, "aggregates cannot be nested");
    }
    if (!(close.kind === "punct" && close.text === ")")) {
      throw this.error(close, `expected ')' to close '${aggregate}('`);
    }
    this.advance();
    return { metric: inner.text, aggregate };
  }
  /**
   * After `metric:`, `no-drop` or `no-rise` with an optional amount, absolute or `N%`, and an
   * optional `significant`; `written` is the shorthand as a message would quote it.
   */
  parseShorthand() {
    const word = this.peek();
    if (word.kind !== "name" || word.quoted || word.text !== "no-drop" && word.text !== "no-rise") {
      throw this.error(word, "expected 'no-drop' or 'no-rise' after ':'");
    }
    this.advance();
    const drop = word.text === "no-drop";
    const op = drop ? ">=" : "<=";
    const base = { kind: "baseline" };
    let threshold = base;
    let written = word.text;
    const amount = this.peek();
    if (amount.kind === "number") {
      this.advance();
      const percent = this.peek();
      if (percent.kind === "punct" && percent.text === "%") {
        this.advance();
        threshold = { kind: "margin", base, percent: amount.value, direction: drop ? "below" : "above" };
        written += ` ${amount.text}%`;
      } else {
        threshold = {
          kind: "binary",
          op: drop ? "-" : "+",
          left: base,
          right: { kind: "number", value: amount.value }
        };
        written += ` ${amount.text}`;
      }
    }
    const rest = this.peek();
    if (rest.kind === "end") return { op, threshold, written };
    if (rest.kind === "name" && !rest.quoted && rest.text === SIGNIFICANT) {
      this.advance();
      const after = this.peek();
      if (after.kind === "number") {
        throw this.error(
          after,
          `the amount goes before '${SIGNIFICANT}': ${word.text} ${clip2(after.text)} ${SIGNIFICANT}`
        );
      }
      if (after.kind !== "end") throw this.error(after, `expected the end of the rule after '${SIGNIFICANT}'`);
      const significance = { direction: drop ? "higher" : "lower" };
      return { op, threshold, significance, written: `${written} ${SIGNIFICANT}` };
    }
    if (written === word.text) {
      let message2 = `expected an amount such as 0.01 or 5%, or '${SIGNIFICANT}', after '${word.text}'`;
      if (rest.kind === "name" && closestNames(rest.text, [SIGNIFICANT]).length > 0) {
        message2 += `; did you mean '${SIGNIFICANT}'?`;
      }
      throw this.error(rest, message2);
    }
    let message = `expected '${SIGNIFICANT}' or the end of the rule after '${clip2(written.slice(word.text.length + 1))}'`;
    if (rest.kind === "name" && closestNames(rest.text, [SIGNIFICANT]).length > 0) {
      message += `; did you mean '${SIGNIFICANT}'?`;
    }
    throw this.error(rest, message);
  }
  parseSum(before) {
    let left = this.parseProduct(before);
    for (; ; ) {
      const op = this.peek();
      if (!(op.kind === "punct" && (op.text === "+" || op.text === "-"))) return left;
      this.advance();
      const right = this.parseProduct(op);
      left = this.combine(op, op.text, left, right);
    }
  }
  parseProduct(before) {
    let left = this.parseUnary(before);
    for (; ; ) {
      const op = this.peek();
      if (!(op.kind === "punct" && (op.text === "*" || op.text === "/"))) return left;
      this.advance();
      const right = this.parseUnary(op);
      left = this.combine(op, op.text, left, right);
    }
  }
  combine(at, op, left, right) {
    const depth = Math.max(left.depth, right.depth) + 1;
    if (depth > MAX_DEPTH) throw this.tooDeep(at);
    return { expr: { kind: "binary", op, left: left.expr, right: right.expr }, depth };
  }
  parseUnary(before) {
    const token = this.peek();
    if (token.kind === "punct" && token.text === "-") {
      this.advance();
      this.enter(token);
      const operand = this.parseUnary(token);
      this.nesting -= 1;
      return { expr: { kind: "negate", operand: operand.expr }, depth: operand.depth + 1 };
    }
    return this.parsePrimary(before);
  }
  parsePrimary(before) {
    const token = this.peek();
    if (token.kind === "number") {
      this.advance();
      return { expr: { kind: "number", value: token.value }, depth: 1 };
    }
    if (token.kind === "punct" && token.text === "(") {
      this.advance();
      this.enter(token);
      const inner = this.parseSum(token);
      this.nesting -= 1;
      const close = this.peek();
      if (!(close.kind === "punct" && close.text === ")")) {
        throw this.error(close, `expected ')' to close the '(' at column ${this.column(token)}`);
      }
      this.advance();
      return inner;
    }
    if (token.kind === "name") {
      this.advance();
      const open3 = this.peek();
      if (!token.quoted && open3.kind === "punct" && open3.text === "(") {
        return { expr: this.parseAggregateCall(token), depth: 1 };
      }
      return { expr: this.parseBaseline(token), depth: 1 };
    }
    throw this.error(token, `expected a number or metric after '${clip2(before.text)}'`);
  }
  /**
   * `mean(baseline)`, `std(baseline.loss)` over the baseline's replicates, or `std(accuracy)` over
   * the candidate's; `name` is the aggregate's name, and the `(` comes next.
   */
  parseAggregateCall(name) {
    const aggregate = asAggregate(name.text);
    if (aggregate === void 0) {
      throw this.error(name, `unknown aggregate '${clip2(name.text)}'; use ${AGGREGATES.join(", ")}`);
    }
    this.advance();
    const inner = this.peek();
    if (inner.kind !== "name") {
      throw this.error(inner, `expected baseline, baseline.<metric> or a metric name after '${aggregate}('`);
    }
    this.advance();
    const next = this.peek();
    if (!inner.quoted && next.kind === "punct" && next.text === "(" && asAggregate(inner.text) !== void 0) {
      throw this.error(inner, "aggregates cannot be nested");
    }
    let expr;
    if (!inner.quoted && (inner.text === "baseline" || inner.text.startsWith("baseline."))) {
      const baseline = this.parseBaseline(inner);
      expr = baseline.kind === "baseline" && baseline.metric !== void 0 ? { kind: "aggregate", aggregate, of: "baseline", metric: baseline.metric } : { kind: "aggregate", aggregate, of: "baseline" };
    } else {
      expr = { kind: "aggregate", aggregate, of: "candidate", metric: inner.text };
    }
    const close = this.peek();
    if (!(close.kind === "punct" && close.text === ")")) {
      throw this.error(close, `expected ')' to close '${aggregate}('`);
    }
    this.advance();
    return expr;
  }
  /** `baseline`, `baseline.metric` or ``baseline.`odd metric` ``: the only bare names the right side knows. */
  parseBaseline(name) {
    if (!name.quoted) {
      if (name.text === "baseline") return { kind: "baseline" };
      if (name.text === "baseline.") {
        const quoted = this.peek();
        if (quoted.kind === "name" && quoted.quoted && quoted.start === name.end) {
          this.advance();
          return { kind: "baseline", metric: quoted.text };
        }
        throw this.error(quoted, "expected a metric name after 'baseline.'");
      }
      if (name.text.startsWith("baseline.")) return { kind: "baseline", metric: name.text.slice("baseline.".length) };
      const glued = /^baseline([-/])(.+)$/.exec(name.text);
      if (glued !== null) {
        const spaced = clip2(`baseline ${glued[1]} ${glued[2]}`);
        throw this.error(
          name,
          `unknown name '${clip2(name.text)}': '-' and '/' belong to names, so put spaces around them: ${spaced}`
        );
      }
    }
    const metric = clip2(describeName(name.text));
    throw this.error(
      name,
      `unknown name '${metric}'; the right side may use numbers, baseline, baseline.<metric> and aggregates such as mean(baseline) or mean(${metric})`
    );
  }
  expectEnd() {
    const token = this.peek();
    if (token.kind === "end") return;
    const previous = this.tokens[this.position - 1];
    if (token.kind === "punct" && token.text === "%") {
      const plain = previous.kind === "number" ? `${previous.value / 100} instead of ${previous.text}%` : "a plain number";
      throw this.error(token, `'%' is only allowed in no-drop and no-rise amounts (loss: no-rise 5%); write ${plain}`);
    }
    if (token.kind === "compare") throw this.error(token, "a rule holds one comparison; write two rules");
    if (token.kind === "name" && !token.quoted && token.text === SIGNIFICANT) {
      throw this.error(
        token,
        `'${SIGNIFICANT}' belongs to the no-drop and no-rise shorthands, e.g. ${clip2(describeName(this.metric))}: no-drop ${SIGNIFICANT}`
      );
    }
    if (token.kind === "punct" && token.text === ")") throw this.error(token, "unmatched ')'");
    throw this.error(token, `expected an operator (+, -, *, /) or the end of the rule after '${clip2(previous.text)}'`);
  }
  enter(token) {
    this.nesting += 1;
    if (this.nesting > MAX_DEPTH) throw this.tooDeep(token);
  }
  tooDeep(token) {
    return this.error(
      token,
      `the expression is too complex (more than ${MAX_DEPTH} levels of operators or parentheses)`
    );
  }
  peek() {
    return this.tokens[this.position];
  }
  advance() {
    if (this.position < this.tokens.length - 1) this.position += 1;
  }
  column(token) {
    return Array.from(this.at.text.slice(0, token.start)).length + 1;
  }
  error(token, message) {
    return ruleSyntaxError(this.at, token.start, message);
  }
};
function asAggregate(name) {
  return AGGREGATES.find((a) => a === name);
}

// packages/core/src/gate/needs-baseline.ts
function usesBaseline(expr) {
  switch (expr.kind) {
    case "number":
      return false;
    case "baseline":
      return true;
    case "aggregate":
      return expr.of === "baseline";
    case "negate":
      return usesBaseline(expr.operand);
    case "binary":
      return usesBaseline(expr.left) || usesBaseline(expr.right);
    case "margin":
      return usesBaseline(expr.base);
  }
}
function rulesNeedBaseline(rules) {
  return rules.some((rule) => usesBaseline(rule.threshold));
}

// packages/core/src/gate/load-rules.ts
var MAX_RULES_FILE_BYTES = 1024 * 1024;

// packages/core/src/text/json-text.ts
function parseJsonText(text, displayName, firstLine = 1) {
  try {
    return JSON.parse(text);
  } catch {
    return parseJsonSlowly(text, displayName, firstLine);
  }
}
function parseJsonTextWithNonFinite(text, displayName, firstLine = 1) {
  try {
    return JSON.parse(quoteNonFiniteLiterals(text));
  } catch {
    return parseJsonSlowly(text, displayName, firstLine);
  }
}
function parseJsonSlowly(text, displayName, firstLine) {
  const problem = findJsonSyntaxError(text);
  if (problem !== void 0) {
    const { line, column } = lineOfChar(text, problem.offset);
    throw fileError(displayName, `invalid JSON: ${problem.message}`, line + firstLine - 1, column);
  }
  try {
    return JSON.parse(quoteNonFiniteLiterals(text));
  } catch (error2) {
    const message = error2 instanceof Error ? error2.message.replace(/\s+/g, " ") : String(error2);
    throw fileError(displayName, `invalid JSON: ${message}`, firstLine);
  }
}
function quoteNonFiniteLiterals(text) {
  let out = "";
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 78 && text.startsWith("NaN", i)) {
      out += text.slice(copied, i) + '"NaN"';
      i += 2;
      copied = i + 1;
    } else if (c === 73 && text.startsWith("Infinity", i)) {
      out += text.slice(copied, i) + '"Infinity"';
      i += 7;
      copied = i + 1;
    } else if (c === 45 && text.startsWith("-Infinity", i)) {
      out += text.slice(copied, i) + '"-Infinity"';
      i += 8;
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}
var OBJECT = 0;
var ARRAY = 1;
var VALUE = 0;
var VALUE_OR_CLOSE = 1;
var KEY = 2;
var KEY_OR_CLOSE = 3;
var COLON = 4;
var AFTER_VALUE = 5;
function findJsonSyntaxError(text) {
  const stack = [];
  let state = VALUE;
  let i = 0;
  const n = text.length;
  for (; ; ) {
    while (i < n) {
      const w = text.charCodeAt(i);
      if (w === 32 || w === 9 || w === 10 || w === 13) i++;
      else break;
    }
    if (i >= n) {
      if (stack.length === 0 && state === AFTER_VALUE) return void 0;
      return { offset: n, message: "unexpected end of file (is it truncated?)" };
    }
    const c = text[i];
    switch (state) {
      case VALUE:
      case VALUE_OR_CLOSE: {
        if (c === "]" && state === VALUE_OR_CLOSE) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else if (c === "{") {
          stack.push(OBJECT);
          i++;
          state = KEY_OR_CLOSE;
        } else if (c === "[") {
          stack.push(ARRAY);
          i++;
          state = VALUE_OR_CLOSE;
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          state = AFTER_VALUE;
        } else if (c === "-" || c >= "0" && c <= "9") {
          if (text.startsWith("-Infinity", i)) {
            i += 9;
          } else {
            const end = scanNumber(text, i);
            if (typeof end !== "number") return end;
            i = end;
          }
          state = AFTER_VALUE;
        } else {
          const word = ["true", "false", "null", "NaN", "Infinity"].find((literal) => text.startsWith(literal, i));
          if (word === void 0)
            return { offset: i, message: `unexpected ${describe(text, i)} where a value was expected` };
          i += word.length;
          state = AFTER_VALUE;
        }
        break;
      }
      case KEY:
      case KEY_OR_CLOSE: {
        if (c === "}" && state === KEY_OR_CLOSE) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          state = COLON;
        } else {
          return {
            offset: i,
            message: `unexpected ${describe(text, i)} where a property name in double quotes was expected`
          };
        }
        break;
      }
      case COLON: {
        if (c !== ":")
          return { offset: i, message: `expected ':' after the property name, found ${describe(text, i)}` };
        i++;
        state = VALUE;
        break;
      }
      default: {
        const top = stack[stack.length - 1];
        if (top === void 0)
          return { offset: i, message: `unexpected ${describe(text, i)} after the end of the JSON value` };
        if (c === ",") {
          i++;
          state = top === OBJECT ? KEY : VALUE;
        } else if (c === "}" && top === OBJECT || c === "]" && top === ARRAY) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else {
          const expected = top === OBJECT ? "',' or '}'" : "',' or ']'";
          return { offset: i, message: `expected ${expected}, found ${describe(text, i)}` };
        }
      }
    }
  }
}
function scanString(text, start) {
  let i = start + 1;
  for (; ; ) {
    if (i >= text.length) return { offset: start, message: "unterminated string" };
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { offset: i, message: "control character (such as a raw newline or tab) inside a string" };
    if (c === 92) {
      const next = text[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, message: "invalid \\u escape in a string" };
        i += 6;
      } else if (next !== void 0 && '"\\/bfnrt'.includes(next)) i += 2;
      else return { offset: i, message: "invalid escape in a string" };
    } else i++;
  }
}
function scanNumber(text, start) {
  const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  match.lastIndex = start;
  const found = match.exec(text);
  if (found === null || found[0] === "-") return { offset: start, message: "invalid number" };
  const end = start + found[0].length;
  const after = text[end];
  if (after !== void 0 && /[0-9.eE+\-a-zA-Z]/.test(after)) return { offset: start, message: "invalid number" };
  return end;
}
function describe(text, at) {
  const c = text.codePointAt(at);
  if (c === void 0) return "end of file";
  const char = String.fromCodePoint(c);
  return c < 32 || c === 127 ? `character U+${c.toString(16).padStart(4, "0").toUpperCase()}` : `'${char}'`;
}

// packages/core/src/text/json-checker.ts
var IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
var MAX_FREE_FORM_DEPTH = 32;
function parseUntrustedJson(text, source, what) {
  try {
    return JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem === void 0 ? { line: 1, column: 1 } : lineOfChar(text, problem.offset);
    throw new UserError(
      `${source}:${where.line}:${where.column}: ${what}: invalid JSON: ${problem?.message ?? "not strict JSON"}`,
      { file: source, line: where.line, column: where.column }
    );
  }
}
var JsonChecker = class {
  source;
  /** What the document is meant to be, in the message: `invalid run record`. */
  what;
  constructor(source, what) {
    this.source = source;
    this.what = what;
  }
  fail(path6, message) {
    throw new UserError(`${this.source}: ${this.what}: ${path6} ${message}`, { file: this.source });
  }
  show(value) {
    if (value === void 0) return "nothing";
    if (Array.isArray(value)) return "an array";
    if (value !== null && typeof value === "object") return "an object";
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  /**
   * A free-form object, refused when nested deeper than MAX_FREE_FORM_DEPTH: writing it back out
   * must not overflow the stack.
   */
  shallow(value, path6) {
    const pending = [[value, 0]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop();
      if (typeof node !== "object" || node === null) continue;
      if (depth >= MAX_FREE_FORM_DEPTH) this.fail(path6, `is nested more than ${MAX_FREE_FORM_DEPTH} levels deep`);
      for (const child of Object.values(node)) pending.push([child, depth + 1]);
    }
    return value;
  }
  /** `.name` or `["odd name"]`, for paths. */
  key(name) {
    return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
  }
  required(object, path6, key) {
    const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : void 0;
    if (value === void 0) this.fail(`${path6}${this.key(key)}`, "is missing");
    return value;
  }
  object(value, path6) {
    if (!isPlainObject(value)) this.fail(path6, `must be an object (got ${this.show(value)})`);
    return value;
  }
  array(value, path6, maxLength = Infinity) {
    if (!Array.isArray(value)) this.fail(path6, `must be an array (got ${this.show(value)})`);
    if (value.length > maxLength) this.fail(path6, `must hold at most ${maxLength} items (got ${value.length})`);
    return value;
  }
  string(value, path6, minLength = 0) {
    if (typeof value !== "string") this.fail(path6, `must be a string (got ${this.show(value)})`);
    if (value.length < minLength) this.fail(path6, "must not be empty");
    return value;
  }
  /** A string matching `pattern`, described for the message (`a commit sha`). */
  matching(value, path6, pattern, description) {
    const text = this.string(value, path6);
    if (!pattern.test(text)) this.fail(path6, `must be ${description} (got ${this.show(text)})`);
    return text;
  }
  boolean(value, path6) {
    if (typeof value !== "boolean") this.fail(path6, `must be true or false (got ${this.show(value)})`);
    return value;
  }
  /** One of a fixed set of strings. */
  oneOf(value, path6, choices) {
    if (typeof value !== "string" || !choices.includes(value)) {
      this.fail(path6, `must be one of ${choices.join(", ")} (got ${this.show(value)})`);
    }
    return value;
  }
  number(value, path6, minimum = -Infinity) {
    if (typeof value !== "number") this.fail(path6, `must be a number (got ${this.show(value)})`);
    if (value < minimum) this.fail(path6, `must be at least ${minimum} (got ${value})`);
    return value;
  }
  /** A number greater than zero (JSON Schema's `exclusiveMinimum: 0`). */
  positive(value, path6) {
    if (typeof value !== "number") this.fail(path6, `must be a number (got ${this.show(value)})`);
    if (!(value > 0)) this.fail(path6, `must be greater than 0 (got ${value})`);
    return value;
  }
  integer(value, path6, minimum) {
    if (typeof value !== "number" || !Number.isInteger(value))
      this.fail(path6, `must be an integer (got ${this.show(value)})`);
    if (value < minimum) this.fail(path6, `must be at least ${minimum} (got ${value})`);
    return value;
  }
  metricNumber(value, path6) {
    if (typeof value === "number") return value;
    if (value === "NaN") return NaN;
    if (value === "Infinity") return Infinity;
    if (value === "-Infinity") return -Infinity;
    return this.fail(path6, `must be a number or "NaN", "Infinity", "-Infinity" (got ${this.show(value)})`);
  }
  /** An array of metric numbers, converted in place (the array is our own parse result). */
  metricNumbers(value, path6) {
    const items = this.array(value, path6);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "number") items[i] = this.metricNumber(item, `${path6}[${i}]`);
    }
    return items;
  }
};

// packages/core/src/text/safe-record.ts
function setOwnEntry(record, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
function recordFromMap(map) {
  const record = {};
  for (const [key, value] of map) setOwnEntry(record, key, value);
  return record;
}

// packages/core/src/record/run-record.ts
var RUN_RECORD_SCHEMA = "ml-actions/run-record";
var RUN_RECORD_VERSION = 1;
function outsideProvenance(fields) {
  return { ...fields, workflow: "", workflowRunId: 0, runAttempt: 1, runNumber: 0, job: "", matrix: {}, runnerOs: "" };
}
var ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var SHA256_HEX = /^[0-9a-f]{64}$/;
var RUN_STATUSES = ["succeeded", "failed", "timed-out", "collected"];
function parseRunRecord(text, source) {
  return validateRunRecord(parseUntrustedJson(text, source, "not a run record"), source);
}
function validateRunRecord(document, source) {
  const check = new JsonChecker(source, "invalid run record");
  const root = check.object(document, "$");
  const schema = root["schema"];
  if (schema !== RUN_RECORD_SCHEMA) {
    check.fail(
      "$.schema",
      `must be ${JSON.stringify(RUN_RECORD_SCHEMA)} (got ${check.show(schema)}); this is not an ml-actions run record`
    );
  }
  const version = root["version"];
  if (typeof version !== "number" || !Number.isInteger(version))
    check.fail("$.version", `must be an integer (got ${check.show(version)})`);
  if (version > RUN_RECORD_VERSION) {
    check.fail(
      "$.version",
      `is ${version}: the record was written by a newer ml-actions (record version ${version}); this one reads version ${RUN_RECORD_VERSION}, so update the ml-actions version used to read it`
    );
  }
  if (version !== RUN_RECORD_VERSION)
    check.fail("$.version", `is ${version}, an unsupported record version (expected ${RUN_RECORD_VERSION})`);
  const provenance = check.object(check.required(root, "$", "provenance"), "$.provenance");
  const outcomeObject = check.object(check.required(root, "$", "outcome"), "$.outcome");
  const record = {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: check.string(check.required(root, "$", "runId"), "$.runId", 1),
    experiment: check.string(check.required(root, "$", "experiment"), "$.experiment", 1),
    ...root["replicate"] === void 0 ? {} : { replicate: checkReplicate(check, root["replicate"]) },
    attempt: check.integer(check.required(root, "$", "attempt"), "$.attempt", 1),
    provenance: checkProvenance(check, provenance),
    params: checkParams(check, check.required(root, "$", "params")),
    metrics: checkMetrics(check, check.required(root, "$", "metrics")),
    outcome: checkOutcome(check, outcomeObject),
    inputs: check.array(check.required(root, "$", "inputs"), "$.inputs").map((item, index) => {
      const path6 = `$.inputs[${index}]`;
      const input = check.object(item, path6);
      const sha256 = check.string(check.required(input, path6, "sha256"), `${path6}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${path6}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return {
        path: check.string(check.required(input, path6, "path"), `${path6}.path`, 1),
        size: check.integer(check.required(input, path6, "size"), `${path6}.size`, 0),
        sha256
      };
    }),
    sources: check.array(check.required(root, "$", "sources"), "$.sources").map((item, index) => check.string(item, `$.sources[${index}]`)),
    ...root["staleSources"] === void 0 ? {} : {
      staleSources: check.array(root["staleSources"], "$.staleSources").map((item, index) => check.string(item, `$.staleSources[${index}]`))
    },
    ...root["mlflow"] === void 0 ? {} : { mlflow: checkMlflowLink(check, root["mlflow"]) },
    ...root["environment"] === void 0 ? {} : { environment: checkEnvironment(check, root["environment"]) },
    ...root["profile"] === void 0 ? {} : { profile: checkDataProfile(check, root["profile"], "$.profile") }
  };
  return record;
}
function checkEnvironment(check, value) {
  const p = "$.environment";
  const environment = check.object(value, p);
  const result = {};
  if (environment["runner"] !== void 0) {
    const runner = check.object(environment["runner"], `${p}.runner`);
    result.runner = {};
    for (const key of ["os", "arch", "imageOS", "imageVersion"]) {
      if (runner[key] !== void 0) result.runner[key] = check.string(runner[key], `${p}.runner.${key}`);
    }
  }
  if (environment["python"] !== void 0) {
    const python = check.object(environment["python"], `${p}.python`);
    result.python = {
      version: check.string(check.required(python, `${p}.python`, "version"), `${p}.python.version`),
      packages: check.array(check.required(python, `${p}.python`, "packages"), `${p}.python.packages`).map((item, index) => check.string(item, `${p}.python.packages[${index}]`)),
      ...python["omitted"] === void 0 ? {} : { omitted: check.integer(python["omitted"], `${p}.python.omitted`, 0) }
    };
  }
  if (environment["lockfiles"] !== void 0) {
    result.lockfiles = check.array(environment["lockfiles"], `${p}.lockfiles`).map((item, index) => {
      const at = `${p}.lockfiles[${index}]`;
      const lockfile = check.object(item, at);
      const sha256 = check.string(check.required(lockfile, at, "sha256"), `${at}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${at}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return { path: check.string(check.required(lockfile, at, "path"), `${at}.path`, 1), sha256 };
    });
  }
  if (environment["gpus"] !== void 0) {
    result.gpus = check.array(environment["gpus"], `${p}.gpus`).map((item, index) => {
      const at = `${p}.gpus[${index}]`;
      const gpu = check.object(item, at);
      return {
        name: check.string(check.required(gpu, at, "name"), `${at}.name`),
        driver: check.string(check.required(gpu, at, "driver"), `${at}.driver`)
      };
    });
  }
  return result;
}
function checkMlflowLink(check, value) {
  const p = "$.mlflow";
  const link = check.object(value, p);
  return {
    runId: check.string(check.required(link, p, "runId"), `${p}.runId`, 1),
    experimentId: check.string(check.required(link, p, "experimentId"), `${p}.experimentId`, 1),
    url: check.string(check.required(link, p, "url"), `${p}.url`, 1)
  };
}
function checkReplicate(check, value) {
  const p = "$.replicate";
  const replicate = check.object(value, p);
  return {
    key: check.string(check.required(replicate, p, "key"), `${p}.key`, 1),
    value: check.string(check.required(replicate, p, "value"), `${p}.value`)
  };
}
function checkProvenance(check, value) {
  const p = "$.provenance";
  const text = (key) => check.string(check.required(value, p, key), `${p}.${key}`);
  const count = (key, minimum) => check.integer(check.required(value, p, key), `${p}.${key}`, minimum);
  const optional = (key, read) => value[key] === void 0 ? {} : { [key]: read(value[key], `${p}.${key}`) };
  const provenance = {
    repository: text("repository"),
    serverUrl: text("serverUrl"),
    sha: text("sha"),
    ref: text("ref"),
    branch: text("branch"),
    ...optional("baseRef", (item, path6) => check.string(item, path6)),
    ...optional("pullRequest", (item, path6) => check.integer(item, path6, 1)),
    ...optional("headSha", (item, path6) => check.string(item, path6)),
    event: text("event"),
    workflow: text("workflow"),
    workflowRunId: count("workflowRunId", 0),
    runAttempt: count("runAttempt", 0),
    runNumber: count("runNumber", 0),
    job: text("job"),
    matrix: check.shallow(check.object(check.required(value, p, "matrix"), `${p}.matrix`), `${p}.matrix`),
    runnerOs: text("runnerOs")
  };
  return provenance;
}
function checkParams(check, value) {
  const params = check.object(value, "$.params");
  const result = {};
  for (const key of Object.keys(params)) {
    const path6 = `$.params${check.key(key)}`;
    if (key === "") check.fail("$.params", "has an empty param name");
    const item = params[key];
    if (item !== null && typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
      check.fail(path6, `must be a string, number, boolean or null (got ${check.show(item)})`);
    }
    setOwnEntry(result, key, item);
  }
  return result;
}
function checkMetrics(check, value) {
  const metrics = check.object(value, "$.metrics");
  const result = {};
  for (const key of Object.keys(metrics)) {
    const path6 = `$.metrics${check.key(key)}`;
    if (key === "") check.fail("$.metrics", "has an empty metric name");
    const item = check.object(metrics[key], path6);
    const metric = { value: check.metricNumber(check.required(item, path6, "value"), `${path6}.value`) };
    if (item["step"] !== void 0) metric.step = check.number(item["step"], `${path6}.step`);
    if (item["history"] !== void 0) {
      const historyPath = `${path6}.history`;
      const history = check.object(item["history"], historyPath);
      const steps = check.array(check.required(history, historyPath, "steps"), `${historyPath}.steps`);
      for (let i = 0; i < steps.length; i++) {
        if (typeof steps[i] !== "number")
          check.fail(`${historyPath}.steps[${i}]`, `must be a number (got ${check.show(steps[i])})`);
      }
      const values = check.metricNumbers(check.required(history, historyPath, "values"), `${historyPath}.values`);
      if (values.length !== steps.length) {
        check.fail(
          `${historyPath}.values`,
          `has ${values.length} entries but steps has ${steps.length}; the columns must be parallel`
        );
      }
      const columns = { steps, values };
      if (history["wallTimes"] !== void 0) {
        const wallTimes = check.metricNumbers(history["wallTimes"], `${historyPath}.wallTimes`);
        if (wallTimes.length !== steps.length) {
          check.fail(
            `${historyPath}.wallTimes`,
            `has ${wallTimes.length} entries but steps has ${steps.length}; the columns must be parallel`
          );
        }
        columns.wallTimes = wallTimes;
      }
      if (history["sampledFrom"] !== void 0) {
        columns.sampledFrom = check.integer(history["sampledFrom"], `${historyPath}.sampledFrom`, steps.length);
      }
      metric.history = columns;
    }
    setOwnEntry(result, key, metric);
  }
  return result;
}
function checkOutcome(check, value) {
  const p = "$.outcome";
  const status = check.required(value, p, "status");
  if (!RUN_STATUSES.includes(status)) {
    check.fail(
      `${p}.status`,
      `must be one of ${RUN_STATUSES.map((s) => JSON.stringify(s)).join(", ")} (got ${check.show(status)})`
    );
  }
  const time = (key) => {
    const text = check.string(check.required(value, p, key), `${p}.${key}`);
    if (!ISO_DATE_TIME.test(text))
      check.fail(`${p}.${key}`, `must be an ISO 8601 date-time such as 2024-05-01T12:00:00Z (got ${check.show(text)})`);
    return text;
  };
  const outcome = {
    ...value["command"] === void 0 ? {} : { command: check.string(value["command"], `${p}.command`) },
    ...value["exitCode"] === void 0 ? {} : { exitCode: check.integer(value["exitCode"], `${p}.exitCode`, -Infinity) },
    status,
    ...value["timeoutMinutes"] === void 0 ? {} : { timeoutMinutes: check.positive(value["timeoutMinutes"], `${p}.timeoutMinutes`) },
    startedAt: time("startedAt"),
    finishedAt: time("finishedAt"),
    durationMs: check.number(check.required(value, p, "durationMs"), `${p}.durationMs`, 0)
  };
  return outcome;
}

// packages/core/src/metrics/metrics-folder.ts
import path5 from "node:path";

// packages/core/src/metrics/history-columns.ts
var WALL_TIME_NAMES = ["timestamp", "wall_time", "wall time", "walltime", "time"];
var STEP_NAME = "step";
function wallTimeRank(name) {
  return WALL_TIME_NAMES.indexOf(name.trim().toLowerCase());
}
function isStepName(name) {
  return name.trim().toLowerCase() === STEP_NAME;
}
var EPOCH_NAME = "epoch";
function isEpochName(name) {
  return name.trim().toLowerCase() === EPOCH_NAME;
}
var MILLISECONDS_THRESHOLD = 1e11;
function wallTimeSeconds(value) {
  return Math.abs(value) > MILLISECONDS_THRESHOLD ? value / 1e3 : value;
}
function wallTimeFromDateText(text) {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return void 0;
  const milliseconds = Date.parse(trimmed);
  return Number.isNaN(milliseconds) ? void 0 : milliseconds / 1e3;
}

// packages/core/src/metrics/metric-series.ts
var MetricSeries = class {
  steps = [];
  values = [];
  wallTimes = void 0;
  finalStep = -Infinity;
  finalValue = NaN;
  /** Adds a point; `wallTime` is seconds since the epoch, NaN when this point has none. */
  push(step, value, wallTime) {
    this.steps.push(step);
    this.values.push(value);
    if (wallTime !== void 0) {
      if (this.wallTimes === void 0) {
        const padded = [];
        for (let i = 1; i < this.steps.length; i++) padded.push(NaN);
        this.wallTimes = padded;
      }
      this.wallTimes.push(wallTime);
    } else if (this.wallTimes !== void 0) this.wallTimes.push(NaN);
    if (step >= this.finalStep) {
      this.finalStep = step;
      this.finalValue = value;
    }
  }
  get size() {
    return this.steps.length;
  }
  /** The metric as the run record holds it. */
  toMetric() {
    const metric = {
      value: this.finalValue,
      step: this.finalStep,
      history: this.wallTimes === void 0 ? { steps: this.steps, values: this.values } : { steps: this.steps, values: this.values, wallTimes: this.wallTimes }
    };
    return metric;
  }
};
var MetricTable = class {
  series = /* @__PURE__ */ new Map();
  /** The series for `key`, created empty the first time. */
  get(key) {
    let found = this.series.get(key);
    if (found === void 0) {
      found = new MetricSeries();
      this.series.set(key, found);
    }
    return found;
  }
  /** Metrics with at least one point, by key. */
  toMetrics() {
    const metrics = /* @__PURE__ */ new Map();
    for (const [key, series] of this.series) if (series.size > 0) metrics.set(key, series.toMetric());
    return metrics;
  }
  toRecord() {
    return recordFromMap(this.toMetrics());
  }
};

// packages/core/src/metrics/delimited-history.ts
var UNDECIDED = 0;
var METRIC = 1;
var TEXT = 2;
var STEP = 3;
var WALL_TIME = 4;
var IGNORED = 5;
async function readDelimitedHistory(absolutePath, displayName, options = {}) {
  const keyPrefix = options.keyPrefix ?? "";
  const table = new MetricTable();
  let delimiter = options.delimiter;
  let delimiterCode = 0;
  let names;
  let kinds = new Uint8Array(0);
  let series = [];
  let textLines = [];
  let stepColumn = -1;
  let wallColumn = -1;
  let bounds = new Int32Array(0);
  let rowIndex = 0;
  let pending = "";
  let pendingLine = 0;
  const processRow = (text, fieldCount, lineNumber) => {
    const columns = kinds.length;
    if (fieldCount !== columns) {
      throw fileError(
        displayName,
        `row has ${fieldCount} field${fieldCount === 1 ? "" : "s"} but the header has ${columns}`,
        lineNumber
      );
    }
    let step = rowIndex;
    if (stepColumn >= 0) {
      const start = bounds[2 * stepColumn];
      const end = bounds[2 * stepColumn + 1];
      step = parseDecimal(text, start, end);
      if (!Number.isFinite(step)) {
        const cell = text.slice(start, end).trim();
        throw fileError(
          displayName,
          cell === "" ? "empty step" : `step ${JSON.stringify(cell)} is not a finite number`,
          lineNumber
        );
      }
    }
    let wallTime;
    if (wallColumn >= 0) {
      const start = bounds[2 * wallColumn];
      const end = bounds[2 * wallColumn + 1];
      wallTime = parseDecimal(text, start, end);
      if (wallTime === wallTime) wallTime = wallTimeSeconds(wallTime);
      else {
        const cell = text.slice(start, end);
        if (cell.trim() !== "") {
          wallTime = wallTimeFromDateText(cell);
          if (wallTime === void 0) {
            throw fileError(
              displayName,
              `wall time ${JSON.stringify(cell.trim())} in column "${names[wallColumn]}" is neither a number nor a date`,
              lineNumber
            );
          }
        }
      }
    }
    for (let column = 0; column < columns; column++) {
      const kind = kinds[column];
      if (kind > TEXT) continue;
      const start = bounds[2 * column];
      const end = bounds[2 * column + 1];
      let value = parseDecimal(text, start, end);
      if (value !== value) {
        const cell = text.slice(start, end).trim();
        if (cell === "") continue;
        const special = nonFiniteFromText(cell);
        if (special === void 0) {
          if (kind === METRIC) {
            throw fileError(
              displayName,
              `${JSON.stringify(cell)} in metric column "${names[column]}" is not a number`,
              lineNumber
            );
          }
          if (kind === UNDECIDED) {
            kinds[column] = TEXT;
            textLines[column] = lineNumber;
          }
          continue;
        }
        value = special;
      }
      if (kind === TEXT) {
        throw fileError(
          displayName,
          `column "${names[column]}" holds text on line ${textLines[column]} but a number here; a metric column must hold only numbers`,
          lineNumber
        );
      }
      let target = series[column];
      if (target === void 0) {
        kinds[column] = METRIC;
        target = table.get(keyPrefix + names[column]);
        series[column] = target;
      }
      target.push(step, value, wallTime);
    }
    rowIndex++;
  };
  const readHeader = (fields, lineNumber) => {
    names = fields.map((field) => field.trim());
    kinds = new Uint8Array(names.length);
    series = new Array(names.length).fill(void 0);
    textLines = new Array(names.length).fill(0);
    bounds = new Int32Array(2 * names.length + 2);
    const seen = /* @__PURE__ */ new Set();
    let bestWallRank = Infinity;
    names.forEach((name, column) => {
      if (name === "") throw fileError(displayName, `header column ${column + 1} has no name`, lineNumber);
      if (seen.has(name)) throw fileError(displayName, `header names column "${name}" twice`, lineNumber);
      seen.add(name);
      const rank = wallTimeRank(name);
      if (isStepName(name) && stepColumn < 0) {
        stepColumn = column;
        kinds[column] = STEP;
      } else if (rank >= 0) {
        kinds[column] = IGNORED;
        if (rank < bestWallRank) {
          bestWallRank = rank;
          wallColumn = column;
        }
      }
    });
    if (wallColumn >= 0) kinds[wallColumn] = WALL_TIME;
    const epochColumn = names.findIndex(isEpochName);
    if (epochColumn >= 0) {
      if (stepColumn < 0) stepColumn = epochColumn;
      kinds[epochColumn] = stepColumn === epochColumn ? STEP : IGNORED;
    }
  };
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    let text = line;
    let firstLine = lineNumber;
    if (pending !== "") {
      text = `${pending}
${line}`;
      firstLine = pendingLine;
      pending = "";
    }
    if (names === void 0) {
      if (text.trim() === "") return;
      if (delimiter === void 0) delimiter = text.includes("	") ? "	" : ",";
      delimiterCode = delimiter.charCodeAt(0);
      const fields2 = splitQuoted(text, delimiterCode);
      if (fields2 === void 0) {
        pending = text;
        pendingLine = firstLine;
        return;
      }
      readHeader(fields2, firstLine);
      return;
    }
    if (text.length === 0) return;
    if (text.indexOf('"') === -1) {
      const limit = kinds.length;
      let count = 0;
      let start = 0;
      for (; ; ) {
        const at = text.indexOf(delimiter, start);
        const end = at === -1 ? text.length : at;
        if (count < limit) {
          bounds[2 * count] = start;
          bounds[2 * count + 1] = end;
        }
        count++;
        if (at === -1) break;
        start = at + 1;
      }
      if (count === 1 && text.trim() === "") return;
      processRow(text, count, firstLine);
      return;
    }
    const fields = splitQuoted(text, delimiterCode);
    if (fields === void 0) {
      pending = text;
      pendingLine = firstLine;
      return;
    }
    let joined = "";
    for (let i = 0; i < fields.length && i < kinds.length; i++) {
      bounds[2 * i] = joined.length;
      joined += fields[i];
      bounds[2 * i + 1] = joined.length;
    }
    processRow(joined, fields.length, firstLine);
  });
  if (pending !== "") throw fileError(displayName, 'a quoted field is never closed (missing ")', pendingLine);
  if (names === void 0) throw fileError(displayName, "file is empty (only whitespace)");
  if (rowIndex === 0) throw fileError(displayName, "has a header but no data rows");
  return table.toRecord();
}

// packages/core/src/metrics/known-json-shapes.ts
import path3 from "node:path";

// packages/core/src/metrics/flatten-tree.ts
var MAX_NESTING_DEPTH = 100;
function flattenTree(root, displayName, arrays, onLeaf) {
  const stack = [{ prefix: "", node: root, depth: 0 }];
  while (stack.length > 0) {
    const { prefix, node, depth } = stack.pop();
    if (node instanceof Leaf) {
      onLeaf(prefix, node.value);
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) {
      throw fileError(
        displayName,
        `nested more than ${MAX_NESTING_DEPTH} levels deep (at "${truncate(prefix)}"); refusing to read it`
      );
    }
    const children = [];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const element = node[i];
        if (isContainer(element)) children.push([String(i), element]);
      }
    } else {
      for (const key of Object.keys(node)) {
        if (key === "")
          throw fileError(displayName, `has an empty key${prefix === "" ? "" : ` under "${truncate(prefix)}"`}`);
        children.push([key, node[key]]);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const [segment, value] = children[i];
      const key = prefix === "" ? segment : `${prefix}.${segment}`;
      if (isPlainObject(value) || arrays === "descend" && Array.isArray(value)) {
        stack.push({ prefix: key, node: value, depth: depth + 1 });
      } else {
        stack.push({ prefix: key, node: new Leaf(value), depth });
      }
    }
  }
}
var Leaf = class {
  value;
  constructor(value) {
    this.value = value;
  }
};
function isContainer(value) {
  return isPlainObject(value) || Array.isArray(value);
}
function truncate(key) {
  return key.length > 80 ? `${key.slice(0, 77)}...` : key;
}

// packages/core/src/metrics/known-json-shapes.ts
function knownJsonShapeMetrics(tree, displayName) {
  if (!isPlainObject(tree)) return void 0;
  if (isTrainerState(tree)) return { kind: "metrics", metrics: trainerStateMetrics(tree) };
  if (isEvalsResult(tree)) return { kind: "metrics", metrics: evalsResultMetrics(tree) };
  if (path3.posix.basename(displayName.replace(/\\/g, "/")) === "wandb-summary.json" || isPlainObject(tree["_wandb"])) {
    return { kind: "tree", tree: withoutWandbBookkeeping(tree) };
  }
  return void 0;
}
function isTrainerState(tree) {
  const history = tree["log_history"];
  return Array.isArray(history) && history.every(
    (point) => isPlainObject(point) && typeof point["step"] === "number" && Number.isFinite(point["step"])
  );
}
function trainerStateMetrics(tree) {
  const table = new MetricTable();
  for (const point of tree.log_history) {
    const step = point["step"];
    for (const key of Object.keys(point)) {
      const value = point[key];
      if (typeof value === "number" && !isStepName(key) && !isEpochName(key)) table.get(key).push(step, value);
    }
  }
  const metrics = table.toRecord();
  if (typeof tree.best_metric === "number") metrics["best_metric"] = { value: tree.best_metric };
  return metrics;
}
function isNumberArray(value) {
  return Array.isArray(value) && value.length > 0 && value.every((element) => typeof element === "number");
}
function isEvalsResult(tree) {
  const sets = Object.values(tree);
  return sets.length > 0 && sets.every((set) => isPlainObject(set) && Object.keys(set).length > 0 && Object.values(set).every(isNumberArray));
}
function evalsResultMetrics(tree) {
  const table = new MetricTable();
  for (const [set, byMetric] of Object.entries(tree)) {
    for (const [name, values] of Object.entries(byMetric)) {
      const series = table.get(`${set}.${name}`);
      values.forEach((value, round) => series.push(round, value));
    }
  }
  return table.toRecord();
}
function withoutWandbBookkeeping(tree) {
  const root = {};
  const stack = [
    { from: tree, to: root, depth: 0 }
  ];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop();
    for (const key of Object.keys(from)) {
      const value = from[key];
      if (depth === 0 && key.startsWith("_") || isPlainObject(value) && "_type" in value) continue;
      let copy = value;
      if (isPlainObject(value) && depth < MAX_NESTING_DEPTH) {
        copy = {};
        stack.push({ from: value, to: copy, depth: depth + 1 });
      }
      setOwnEntry(to, key, copy);
    }
  }
  return root;
}

// packages/core/src/metrics/summary-metrics.ts
function metricsFromTree(tree, displayName, kind) {
  if (!isPlainObject(tree)) {
    throw fileError(
      displayName,
      `the top level of a ${kind} metrics file must be an object of metric names, not ${describeValue(tree)}`
    );
  }
  const metrics = /* @__PURE__ */ new Map();
  flattenTree(tree, displayName, "descend", (key, value) => {
    if (typeof value === "number") metrics.set(key, { value });
    else if (typeof value === "string") {
      const number = nonFiniteFromText(value);
      if (number !== void 0) metrics.set(key, { value: number });
    }
  });
  return recordFromMap(metrics);
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  return typeof value;
}

// packages/core/src/metrics/json-metrics.ts
async function readJsonMetrics(absolutePath, displayName) {
  const text = await readTextFile(absolutePath, displayName, { kind: "metrics files" });
  const tree = parseJsonText(text, displayName);
  const known = knownJsonShapeMetrics(tree, displayName);
  if (known?.kind === "metrics") return known.metrics;
  return metricsFromTree(known?.tree ?? tree, displayName, "JSON");
}

// packages/core/src/metrics/dvclive.ts
var PLOTS_METRICS = "plots/metrics/";
function dvcliveKeyPrefix(relativePath) {
  const normalized = `/${relativePath.replace(/\\/g, "/")}`;
  const at = normalized.lastIndexOf(`/${PLOTS_METRICS}`);
  if (at === -1) return void 0;
  const below = normalized.slice(at + PLOTS_METRICS.length + 1);
  const folders = below.split("/").slice(0, -1);
  return folders.length === 0 ? "" : `${folders.join(".")}.`;
}
async function isDvcliveFolder(folder) {
  const plots = await workspaceChild(folder, "plots");
  if (plots === void 0 || !plots.isDirectory) return false;
  const metrics = await workspaceChild(plots, "metrics");
  return metrics !== void 0 && metrics.isDirectory;
}
async function readDvcliveFolder(folder) {
  const metrics = /* @__PURE__ */ new Map();
  const sources = [];
  const summary2 = await workspaceChild(folder, "metrics.json");
  if (summary2 !== void 0 && !summary2.isDirectory) {
    const values = await readJsonMetrics(summary2.absolute, summary2.relative);
    for (const [key, metric] of Object.entries(values)) if (key !== "step") metrics.set(key, metric);
    sources.push(summary2.relative);
  }
  const plots = await workspaceChild(folder, "plots");
  const plotMetrics = plots === void 0 ? void 0 : await workspaceChild(plots, "metrics");
  if (plotMetrics !== void 0 && plotMetrics.isDirectory) {
    for (const file of await listWorkspaceFolder(plotMetrics, { recursive: true })) {
      if (!file.relative.toLowerCase().endsWith(".tsv")) continue;
      const below = file.relative.slice(plotMetrics.relative.length + 1);
      const folders = below.split("/").slice(0, -1);
      const keyPrefix = folders.length === 0 ? "" : `${folders.join(".")}.`;
      const history = await readDelimitedHistory(file.absolute, file.relative, { delimiter: "	", keyPrefix });
      for (const [key, metric] of Object.entries(history)) metrics.set(key, metric);
      sources.push(file.relative);
    }
  }
  return { metrics, sources };
}

// packages/core/src/metrics/metrics-format.ts
import path4 from "node:path";

// packages/core/src/metrics/crc32c.ts
var POLYNOMIAL = 2197175160;
var tables;
function buildTables() {
  const tables2 = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? crc >>> 1 ^ POLYNOMIAL : crc >>> 1;
    tables2[i] = crc >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let slice = 1; slice < 8; slice++) {
      const previous = tables2[(slice - 1) * 256 + i];
      tables2[slice * 256 + i] = previous >>> 8 ^ tables2[previous & 255];
    }
  }
  return tables2;
}
function crc32c(bytes, start = 0, end = bytes.length) {
  const t = tables ??= buildTables();
  let crc = 4294967295;
  let i = start;
  for (; end - i >= 8; i += 8) {
    const low = crc ^ (bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    crc = t[1792 + (low & 255)] ^ t[1536 + (low >>> 8 & 255)] ^ t[1280 + (low >>> 16 & 255)] ^ t[1024 + (low >>> 24)] ^ t[768 + bytes[i + 4]] ^ t[512 + bytes[i + 5]] ^ t[256 + bytes[i + 6]] ^ t[bytes[i + 7]];
  }
  for (; i < end; i++) crc = t[(crc ^ bytes[i]) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function maskedCrc32c(bytes, start = 0, end = bytes.length) {
  const crc = crc32c(bytes, start, end);
  return ((crc >>> 15 | crc << 17) >>> 0) + 2726488792 >>> 0;
}

// packages/core/src/metrics/protobuf-reader.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_LENGTH_DELIMITED = 2;
var WIRE_FIXED32 = 5;
var MalformedProtobufError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "MalformedProtobufError";
  }
};
var ProtobufReader = class {
  bytes;
  view;
  pos = 0;
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Points the reader at another buffer (the event reader grows its buffer for large records). */
  reset(bytes) {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    this.pos = 0;
  }
  /** An unsigned varint as a number (exact below 2^53); a 10-byte varint is read as a negative int64. */
  varint(end) {
    const bytes = this.bytes;
    let pos = this.pos;
    if (pos >= end) throw new MalformedProtobufError("truncated varint");
    let byte = bytes[pos++];
    if (byte < 128) {
      this.pos = pos;
      return byte;
    }
    let result = byte & 127;
    let factor = 128;
    for (let count = 1; ; count++) {
      if (pos >= end) throw new MalformedProtobufError("truncated varint");
      if (count >= 10) throw new MalformedProtobufError("varint longer than 10 bytes");
      byte = bytes[pos++];
      result += (byte & 127) * factor;
      if (byte < 128) break;
      factor *= 128;
    }
    this.pos = pos;
    return result >= 2 ** 63 ? result - 2 ** 64 : result;
  }
  /** The end offset of a length-delimited field whose length comes next; moves to its start. */
  lengthDelimitedEnd(end) {
    const length = this.varint(end);
    const fieldEnd = this.pos + length;
    if (length < 0 || fieldEnd > end)
      throw new MalformedProtobufError("length-delimited field runs past the end of its message");
    return fieldEnd;
  }
  double(end) {
    if (this.pos + 8 > end) throw new MalformedProtobufError("truncated 64-bit field");
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }
  float(end) {
    if (this.pos + 4 > end) throw new MalformedProtobufError("truncated 32-bit field");
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }
  /** Skips the value of a field of the given wire type. */
  skip(wireType, end) {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint(end);
        return;
      case WIRE_FIXED64:
        this.pos += 8;
        break;
      case WIRE_LENGTH_DELIMITED:
        this.pos = this.lengthDelimitedEnd(end);
        return;
      case WIRE_FIXED32:
        this.pos += 4;
        break;
      default:
        throw new MalformedProtobufError(`unsupported wire type ${wireType}`);
    }
    if (this.pos > end) throw new MalformedProtobufError("field runs past the end of its message");
  }
};

// packages/core/src/metrics/tfevents.ts
function isTfeventsName(fileName) {
  return fileName.startsWith("events.out.tfevents.");
}
var CHUNK_BYTES2 = 1024 * 1024;
var HEADER_BYTES = 12;
var FOOTER_BYTES = 4;
var MAX_RECORD_BYTES = 1024 * 1024 * 1024;
var DT_FLOAT = 1;
var DT_DOUBLE = 2;
async function readTfevents(absolutePath, displayName, warnings = []) {
  const table = new MetricTable();
  await readTfeventsInto(table, absolutePath, displayName, "", warnings);
  return table.toRecord();
}
async function readTfeventsInto(table, absolutePath, displayName, tagPrefix, warnings) {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES2);
    let start = 0;
    let end = 0;
    let offset = 0;
    let eof = false;
    const reader = new ProtobufReader(buffer);
    const decoder = new EventDecoder(table, tagPrefix);
    const fill = async (needed) => {
      if (end - start >= needed) return true;
      if (eof) return false;
      if (needed > buffer.length) {
        const larger = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2));
        buffer.copy(larger, 0, start, end);
        buffer = larger;
        reader.reset(buffer);
      } else if (start > 0) {
        buffer.copy(buffer, 0, start, end);
      }
      end -= start;
      start = 0;
      while (end < needed && !eof) {
        const { bytesRead } = await handle.read(buffer, end, buffer.length - end, null);
        if (bytesRead === 0) eof = true;
        end += bytesRead;
      }
      return end >= needed;
    };
    const incompleteTail = (recordOffset, bytes) => fileError(
      displayName,
      `ends inside the record at byte offset ${recordOffset} (${bytes} of its bytes are there): the writer had not finished it; the records before it were read`
    );
    const corrupt = (recordOffset, problem) => fileError(
      displayName,
      `record at byte offset ${recordOffset}: ${problem}; the event file is corrupt or not a TensorBoard event file`
    );
    for (; ; ) {
      if (!await fill(HEADER_BYTES)) {
        if (end - start === 0) break;
        if (offset === 0)
          throw fileError(displayName, `file is only ${end - start} bytes; not a TensorBoard event file`);
        warnings.push(incompleteTail(offset, end - start));
        break;
      }
      const low = buffer.readUInt32LE(start);
      const high = buffer.readUInt32LE(start + 4);
      if (maskedCrc32c(buffer, start, start + 8) !== buffer.readUInt32LE(start + 8)) {
        throw corrupt(offset, "length CRC mismatch");
      }
      const length = high * 2 ** 32 + low;
      if (length > MAX_RECORD_BYTES) throw corrupt(offset, `record length ${length} is implausibly large`);
      const total = HEADER_BYTES + length + FOOTER_BYTES;
      if (!await fill(total)) {
        if (offset === 0) throw corrupt(offset, `truncated record (needs ${length} data bytes; the file ends first)`);
        warnings.push(incompleteTail(offset, end - start));
        break;
      }
      const dataStart = start + HEADER_BYTES;
      const dataEnd = dataStart + length;
      if (maskedCrc32c(buffer, dataStart, dataEnd) !== buffer.readUInt32LE(dataEnd)) {
        throw corrupt(offset, "data CRC mismatch");
      }
      try {
        decoder.decodeEvent(reader, dataStart, dataEnd);
      } catch (error2) {
        if (error2 instanceof MalformedProtobufError)
          throw corrupt(offset, `not a valid Event message (${error2.message})`);
        throw error2;
      }
      start += total;
      offset += total;
    }
    if (offset === 0) throw fileError(displayName, "file is empty");
  } finally {
    await handle.close();
  }
}
var EventDecoder = class {
  table;
  tagPrefix;
  // The last tag's bytes and key: consecutive events usually repeat tags, so most lookups
  // compare a few bytes instead of decoding a string.
  lastTags = [];
  constructor(table, tagPrefix) {
    this.table = table;
    this.tagPrefix = tagPrefix;
  }
  decodeEvent(reader, start, end) {
    reader.pos = start;
    let wallTime = NaN;
    let step = 0;
    let summaryStart = -1;
    let summaryEnd = -1;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === WIRE_FIXED64) wallTime = reader.double(end);
      else if (field === 2 && wire === WIRE_VARINT) step = reader.varint(end);
      else if (field === 5 && wire === WIRE_LENGTH_DELIMITED) {
        summaryEnd = reader.lengthDelimitedEnd(end);
        summaryStart = reader.pos;
        reader.pos = summaryEnd;
      } else reader.skip(wire, end);
    }
    if (summaryStart < 0) return;
    reader.pos = summaryStart;
    while (reader.pos < summaryEnd) {
      const key = reader.varint(summaryEnd);
      if (key >>> 3 === 1 && (key & 7) === WIRE_LENGTH_DELIMITED) {
        const valueEnd = reader.lengthDelimitedEnd(summaryEnd);
        this.decodeValue(reader, reader.pos, valueEnd, step, wallTime);
        reader.pos = valueEnd;
      } else reader.skip(key & 7, summaryEnd);
    }
  }
  /** One Summary.Value: tag=1, simple_value=2 (float), tensor=8. */
  decodeValue(reader, start, end, step, wallTime) {
    reader.pos = start;
    let tagStart = -1;
    let tagEnd = -1;
    let simpleValue = NaN;
    let hasSimpleValue = false;
    let tensorStart = -1;
    let tensorEnd = -1;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === WIRE_LENGTH_DELIMITED) {
        tagEnd = reader.lengthDelimitedEnd(end);
        tagStart = reader.pos;
        reader.pos = tagEnd;
      } else if (field === 2 && wire === WIRE_FIXED32) {
        simpleValue = reader.float(end);
        hasSimpleValue = true;
      } else if (field === 8 && wire === WIRE_LENGTH_DELIMITED) {
        tensorEnd = reader.lengthDelimitedEnd(end);
        tensorStart = reader.pos;
        reader.pos = tensorEnd;
      } else reader.skip(wire, end);
    }
    if (tagStart < 0 || tagEnd === tagStart) return;
    let value;
    if (hasSimpleValue) value = simpleValue;
    else if (tensorStart >= 0) {
      const scalar = this.scalarFromTensor(reader, tensorStart, tensorEnd);
      if (scalar === void 0) return;
      value = scalar;
    } else return;
    this.table.get(this.keyFor(reader.bytes, tagStart, tagEnd)).push(step, value, wallTime);
  }
  /**
   * The value of a TensorProto holding one float or double: dtype=1, tensor_shape=2,
   * tensor_content=4 (raw little-endian), float_val=5, double_val=6 (packed or not).
   * Undefined for anything else (strings, histograms, several elements).
   */
  scalarFromTensor(reader, start, end) {
    reader.pos = start;
    let dtype = 0;
    let elements = 1;
    let contentStart = -1;
    let contentEnd = -1;
    let floatValue = NaN;
    let floatCount = 0;
    let doubleValue = NaN;
    let doubleCount = 0;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === WIRE_VARINT) dtype = reader.varint(end);
      else if (field === 2 && wire === WIRE_LENGTH_DELIMITED) {
        const shapeEnd = reader.lengthDelimitedEnd(end);
        elements = shapeElements(reader, reader.pos, shapeEnd);
        reader.pos = shapeEnd;
      } else if (field === 4 && wire === WIRE_LENGTH_DELIMITED) {
        contentEnd = reader.lengthDelimitedEnd(end);
        contentStart = reader.pos;
        reader.pos = contentEnd;
      } else if (field === 5 && wire === WIRE_LENGTH_DELIMITED) {
        const packedEnd = reader.lengthDelimitedEnd(end);
        const count = Math.floor((packedEnd - reader.pos) / 4);
        if (count > 0 && floatCount === 0) floatValue = reader.view.getFloat32(reader.pos, true);
        floatCount += count;
        reader.pos = packedEnd;
      } else if (field === 5 && wire === WIRE_FIXED32) {
        const value = reader.float(end);
        if (floatCount === 0) floatValue = value;
        floatCount++;
      } else if (field === 6 && wire === WIRE_LENGTH_DELIMITED) {
        const packedEnd = reader.lengthDelimitedEnd(end);
        const count = Math.floor((packedEnd - reader.pos) / 8);
        if (count > 0 && doubleCount === 0) doubleValue = reader.view.getFloat64(reader.pos, true);
        doubleCount += count;
        reader.pos = packedEnd;
      } else if (field === 6 && wire === WIRE_FIXED64) {
        const value = reader.double(end);
        if (doubleCount === 0) doubleValue = value;
        doubleCount++;
      } else reader.skip(wire, end);
    }
    if (elements !== 1) return void 0;
    if (dtype === DT_FLOAT) {
      if (contentStart >= 0 && contentEnd - contentStart === 4) return reader.view.getFloat32(contentStart, true);
      return floatCount > 0 ? floatValue : void 0;
    }
    if (dtype === DT_DOUBLE) {
      if (contentStart >= 0 && contentEnd - contentStart === 8) return reader.view.getFloat64(contentStart, true);
      return doubleCount > 0 ? doubleValue : void 0;
    }
    return void 0;
  }
  keyFor(bytes, start, end) {
    const length = end - start;
    const cache = this.lastTags;
    for (let i = 0; i < cache.length; i++) {
      const entry = cache[i];
      const known = entry.bytes;
      if (known.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (known[k] !== bytes[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return entry.key;
    }
    const key = this.tagPrefix + Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString("utf8");
    if (cache.length >= 32) cache.shift();
    cache.push({ bytes: bytes.slice(start, end), key });
    return key;
  }
};
function shapeElements(reader, start, end) {
  reader.pos = start;
  let elements = 1;
  let unknown = false;
  while (reader.pos < end) {
    const key = reader.varint(end);
    const field = key >>> 3;
    const wire = key & 7;
    if (field === 2 && wire === WIRE_LENGTH_DELIMITED) {
      const dimEnd = reader.lengthDelimitedEnd(end);
      let size = 0;
      while (reader.pos < dimEnd) {
        const dimKey = reader.varint(dimEnd);
        if (dimKey >>> 3 === 1 && (dimKey & 7) === WIRE_VARINT) size = reader.varint(dimEnd);
        else reader.skip(dimKey & 7, dimEnd);
      }
      if (size < 0) unknown = true;
      elements *= size;
    } else if (field === 3 && wire === WIRE_VARINT) {
      if (reader.varint(end) !== 0) unknown = true;
    } else reader.skip(wire, end);
  }
  return unknown ? -1 : elements;
}

// packages/core/src/metrics/metrics-format.ts
var BY_EXTENSION = {
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".yaml": "yaml",
  ".yml": "yaml",
  ".toml": "toml",
  ".csv": "csv",
  ".tsv": "tsv"
};
function metricsFormatFromName(fileName) {
  const base = path4.basename(fileName);
  if (isTfeventsName(base)) return "tfevents";
  return BY_EXTENSION[path4.extname(base).toLowerCase()];
}
var SNIFF_BYTES = 64 * 1024;
async function detectMetricsFormat(absolutePath, displayName) {
  const byName = metricsFormatFromName(absolutePath);
  if (byName !== void 0 && byName !== "json") return byName;
  const head = await readHead(absolutePath, displayName);
  if (byName === "json") return looksLikeJsonLines(head) ? "jsonl" : "json";
  if (head.length === 0) throw fileError(displayName, "file is empty");
  if (head.length >= 12 && maskedCrc32c(head, 0, 8) === head.readUInt32LE(8)) return "tfevents";
  if (head.includes(0)) {
    throw fileError(
      displayName,
      "is a binary file in no format we read (metrics may be JSON, YAML, TOML, CSV, TSV, JSON Lines or TensorBoard event files)"
    );
  }
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text.split("\n", 1)[0] ?? "";
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return looksLikeJsonLines(head) ? "jsonl" : "json";
  if (looksLikeMlflowMetric(text)) return "mlflow-metric";
  if (firstLine.includes("	")) return "tsv";
  if (firstLine.includes(",") && !firstLine.includes(":")) return "csv";
  return "yaml";
}
async function readHead(absolutePath, displayName) {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
function looksLikeJsonLines(head) {
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first === -1 || first + 1 >= lines.length) return false;
  try {
    const value = JSON.parse(lines[first]);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  } catch {
    return false;
  }
  return lines.slice(first + 1).some((line) => line.trim().startsWith("{"));
}
var MLFLOW_METRIC_LINE = /^\d{9,} \S+( -?\d+)?\r?$/;
function looksLikeMlflowMetric(text) {
  const lines = text.split("\n");
  if (lines.length > 1) lines.pop();
  const filled = lines.filter((line) => line.trim() !== "");
  return filled.length > 0 && filled.every((line) => MLFLOW_METRIC_LINE.test(line));
}

// packages/core/src/text/yaml-text.ts
async function parseYamlText(text, displayName) {
  const { parseAllDocuments } = await import("./chunk-CNR7VUBG.js");
  const documents = parseAllDocuments(text, { merge: true, uniqueKeys: true, logLevel: "silent" });
  if (!Array.isArray(documents)) return null;
  if (documents.length > 1) {
    const line = documents[1]?.range ? lineAt(text, documents[1].range[0]) : void 0;
    throw fileError(
      displayName,
      'contains more than one YAML document (a second "---"); metrics and params files hold one',
      line
    );
  }
  const document = documents[0];
  if (document === void 0) return null;
  const error2 = document.errors[0];
  if (error2 !== void 0) {
    const position = error2.linePos?.[0];
    const message = error2.code === "RESOURCE_EXHAUSTION" ? "nested too deeply" : (error2.message.split("\n")[0] ?? error2.message).replace(/ at line \d+, column \d+:?$/, "");
    throw fileError(displayName, `invalid YAML: ${message}`, position?.line, position?.col);
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    const message = thrown instanceof RangeError ? "nested too deeply" : thrown instanceof Error ? thrown.message : String(thrown);
    throw fileError(displayName, `invalid YAML: ${message.replace(/\s+/g, " ")}`);
  }
}
function lineAt(text, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// packages/core/src/metrics/mlflow.ts
var MAX_PARAM_FILE_BYTES = 1024 * 1024;
async function findMlflowRuns(folder) {
  const runs2 = [];
  const self = await runInfo(folder);
  if (self !== void 0) return self.deleted ? [] : [self.run];
  for (const child of await subfolders(folder)) {
    const info2 = await runInfo(child);
    if (info2 !== void 0) {
      if (!info2.deleted) runs2.push(info2.run);
      continue;
    }
    const meta = await workspaceChild(child, "meta.yaml");
    if (meta === void 0 || meta.isDirectory) continue;
    for (const grandchild of await subfolders(child)) {
      const inner = await runInfo(grandchild);
      if (inner !== void 0 && !inner.deleted) runs2.push(inner.run);
    }
  }
  return runs2.sort((a, b) => b.startTime - a.startTime || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
}
async function readMlflowRunMetrics(run2) {
  const table = new MetricTable();
  const sources = [];
  const metricsFolder = await workspaceChild(run2, "metrics");
  if (metricsFolder !== void 0 && metricsFolder.isDirectory) {
    for (const file of await listWorkspaceFolder(metricsFolder, { recursive: true })) {
      const key = file.relative.slice(metricsFolder.relative.length + 1);
      await readRunMetricFile(table, key, file);
      sources.push(file.relative);
    }
  }
  return { metrics: table.toMetrics(), sources };
}
async function readMlflowMetricFile(absolutePath, displayName) {
  const normalized = displayName.replace(/\\/g, "/");
  const at = normalized.lastIndexOf("/metrics/");
  const key = at === -1 ? normalized.slice(normalized.lastIndexOf("/") + 1) : normalized.slice(at + "/metrics/".length);
  const table = new MetricTable();
  await readMetricLines(table, key, absolutePath, displayName);
  return table.toRecord();
}
async function readRunMetricFile(table, key, file) {
  await readMetricLines(table, key, file.absolute, file.relative);
}
async function readMetricLines(table, key, absolutePath, displayName) {
  const series = table.get(key);
  let index = 0;
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    if (line.trim() === "") return;
    const first = line.indexOf(" ");
    const second = first === -1 ? -1 : line.indexOf(" ", first + 1);
    const third = second === -1 ? -1 : line.indexOf(" ", second + 1);
    if (first === -1 || third !== -1) {
      throw fileError(
        displayName,
        'an MLflow metric line must be "timestamp value step" or "timestamp value"',
        lineNumber
      );
    }
    const timestamp = parseDecimal(line, 0, first);
    if (!Number.isFinite(timestamp))
      throw fileError(displayName, `timestamp ${JSON.stringify(line.slice(0, first))} is not a number`, lineNumber);
    const valueEnd = second === -1 ? line.length : second;
    const value = parseNumberText(line, first + 1, valueEnd);
    if (value === void 0) {
      throw fileError(
        displayName,
        `value ${JSON.stringify(line.slice(first + 1, valueEnd))} is not a number`,
        lineNumber
      );
    }
    let step = index;
    if (second !== -1) {
      step = parseDecimal(line, second + 1, line.length);
      if (!Number.isFinite(step))
        throw fileError(
          displayName,
          `step ${JSON.stringify(line.slice(second + 1))} is not a finite number`,
          lineNumber
        );
    }
    series.push(step, value, timestamp / 1e3);
    index++;
  });
}
async function runInfo(folder) {
  const meta = await workspaceChild(folder, "meta.yaml");
  if (meta === void 0 || meta.isDirectory) return void 0;
  const metrics = await workspaceChild(folder, "metrics");
  const params = await workspaceChild(folder, "params");
  if (!(metrics?.isDirectory || params?.isDirectory)) return void 0;
  const parsed = await parseYamlText(
    await readTextFile(meta.absolute, meta.relative, { maxBytes: MAX_PARAM_FILE_BYTES }),
    meta.relative
  );
  const fields = isPlainObject(parsed) ? parsed : {};
  const runId = fields["run_id"] ?? fields["run_uuid"];
  const startTime = fields["start_time"];
  const experimentId = fields["experiment_id"];
  return {
    run: {
      folder,
      runId: typeof runId === "string" ? runId : folder.relative.split("/").pop(),
      experimentId: typeof experimentId === "string" || typeof experimentId === "number" ? String(experimentId) : "",
      startTime: typeof startTime === "number" && Number.isFinite(startTime) ? startTime : 0
    },
    deleted: fields["lifecycle_stage"] === "deleted"
  };
}
async function subfolders(folder) {
  const entries = await listWorkspaceFolder(folder, { recursive: false });
  return entries.filter((entry) => entry.isDirectory && !entry.relative.split("/").pop().startsWith("."));
}

// packages/core/src/metrics/jsonl-history.ts
var WALL_TIME_KEYS = ["timestamp", "wall_time", "time"];
async function readJsonlHistory(absolutePath, displayName) {
  const table = new MetricTable();
  const keys = /* @__PURE__ */ new Map();
  let rowIndex = 0;
  let pythonNonFinite = false;
  const addValue = (key, value, step, wallTime, lineNumber, depth) => {
    let number;
    if (typeof value === "number") number = value;
    else if (typeof value === "string") {
      const special = nonFiniteFromText(value);
      let state2 = keys.get(key);
      if (special === void 0) {
        if (state2 === void 0) {
          state2 = { series: void 0, textLine: lineNumber };
          keys.set(key, state2);
        } else if (state2.series !== void 0) {
          throw fileError(displayName, `"${key}" is ${describeValue(value)}, not a number`, lineNumber);
        }
        return;
      }
      number = special;
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      addNested(key, value, step, wallTime, lineNumber, depth + 1);
      return;
    } else return;
    let state = keys.get(key);
    if (state === void 0) {
      state = { series: table.get(key), textLine: 0 };
      keys.set(key, state);
    } else if (state.series === void 0) {
      throw fileError(
        displayName,
        `"${key}" holds text on line ${state.textLine} but a number here; a metric must hold only numbers`,
        lineNumber
      );
    }
    state.series.push(step, number, wallTime);
  };
  const addNested = (prefix, object, step, wallTime, lineNumber, depth) => {
    if (depth > MAX_NESTING_DEPTH) {
      throw fileError(
        displayName,
        `nested more than ${MAX_NESTING_DEPTH} levels deep; refusing to read it`,
        lineNumber
      );
    }
    for (const key in object) addValue(`${prefix}.${key}`, object[key], step, wallTime, lineNumber, depth);
  };
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    let parsed;
    if (!pythonNonFinite) {
      try {
        parsed = JSON.parse(line);
      } catch {
        if (line.trim() === "") return;
        parsed = parseJsonTextWithNonFinite(line, displayName, lineNumber);
        pythonNonFinite = true;
      }
    } else if (line.includes("NaN") || line.includes("Infinity")) {
      parsed = parseJsonTextWithNonFinite(line, displayName, lineNumber);
    } else {
      if (line.trim() === "") return;
      parsed = parseJsonText(line, displayName, lineNumber);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw fileError(
        displayName,
        `each line of a JSON Lines file must be a JSON object, this one is ${describeValue(parsed)}`,
        lineNumber
      );
    }
    const record = parsed;
    let step = rowIndex;
    const stepKey = record["step"] !== void 0 ? "step" : record["epoch"] !== void 0 ? "epoch" : void 0;
    if (stepKey !== void 0) {
      const stepValue = record[stepKey];
      if (typeof stepValue !== "number" || !Number.isFinite(stepValue)) {
        throw fileError(
          displayName,
          `"${stepKey}" is ${describeValue(stepValue)}; it must be a finite number`,
          lineNumber
        );
      }
      step = stepValue;
    }
    let wallTime;
    for (const name of WALL_TIME_KEYS) {
      const raw = record[name];
      if (raw === void 0) continue;
      if (typeof raw === "number") wallTime = wallTimeSeconds(raw);
      else if (typeof raw === "string") wallTime = wallTimeFromDateText(raw);
      if (wallTime === void 0 && raw !== null) {
        throw fileError(
          displayName,
          `"${name}" is ${describeValue(raw)}; a wall time must be a number or a date`,
          lineNumber
        );
      }
      break;
    }
    for (const key in record) {
      if (key === "step" || key === "epoch" || key === "timestamp" || key === "wall_time" || key === "time") continue;
      addValue(key, record[key], step, wallTime, lineNumber, 0);
    }
    rowIndex++;
  });
  if (rowIndex === 0) throw fileError(displayName, "file is empty (only whitespace)");
  return table.toRecord();
}

// packages/core/src/text/toml-text.ts
async function parseTomlText(text, displayName) {
  const { parse, TomlError } = await import("./chunk-VAT2XIJJ.js");
  try {
    return parse(text);
  } catch (thrown) {
    if (thrown instanceof TomlError) {
      const message = (thrown.message.split("\n")[0] ?? thrown.message).replace(/^Invalid TOML document: /, "");
      throw fileError(displayName, `invalid TOML: ${message}`, thrown.line, thrown.column);
    }
    if (thrown instanceof RangeError) throw fileError(displayName, "invalid TOML: nested too deeply");
    throw thrown;
  }
}

// packages/core/src/metrics/toml-metrics.ts
async function readTomlMetrics(absolutePath, displayName) {
  const text = await readTextFile(absolutePath, displayName, { kind: "metrics files" });
  return metricsFromTree(await parseTomlText(text, displayName), displayName, "TOML");
}

// packages/core/src/metrics/yaml-metrics.ts
async function readYamlMetrics(absolutePath, displayName) {
  const text = await readTextFile(absolutePath, displayName, { kind: "metrics files" });
  return metricsFromTree(await parseYamlText(text, displayName), displayName, "YAML");
}

// packages/core/src/metrics/read-metrics-file.ts
async function readMetricsFile(absolutePath, displayName, format, warnings = []) {
  const resolved = format ?? await detectMetricsFormat(absolutePath, displayName);
  switch (resolved) {
    case "json":
      return readJsonMetrics(absolutePath, displayName);
    case "jsonl":
      return readJsonlHistory(absolutePath, displayName);
    case "yaml":
      return readYamlMetrics(absolutePath, displayName);
    case "toml":
      return readTomlMetrics(absolutePath, displayName);
    case "csv":
    case "tsv": {
      const keyPrefix = dvcliveKeyPrefix(displayName);
      return readDelimitedHistory(absolutePath, displayName, {
        delimiter: resolved === "csv" ? "," : "	",
        ...keyPrefix === void 0 ? {} : { keyPrefix }
      });
    }
    case "tfevents":
      return readTfevents(absolutePath, displayName, warnings);
    case "mlflow-metric":
      return readMlflowMetricFile(absolutePath, displayName);
  }
}

// packages/core/src/metrics/metrics-folder.ts
var NOT_METRICS = /* @__PURE__ */ new Set([
  "params.yaml",
  "params.yml",
  "params.json",
  "params.toml",
  "dvc.yaml",
  "dvc.lock",
  "meta.yaml"
]);
async function readMetricsFolder(folder, warnings = []) {
  if (await isDvcliveFolder(folder)) return { ...await readDvcliveFolder(folder), kind: "dvclive" };
  const runs2 = await findMlflowRuns(folder);
  const newest = runs2[0];
  if (newest !== void 0) return { ...await readMlflowRunMetrics(newest.folder), kind: "mlflow" };
  const metrics = /* @__PURE__ */ new Map();
  const sources = [];
  for (const entry of await listWorkspaceFolder(folder, { recursive: false })) {
    if (entry.isDirectory) continue;
    const name = path5.posix.basename(entry.relative);
    const format = metricsFormatFromName(name);
    if (format === void 0 || format === "tfevents" || NOT_METRICS.has(name.toLowerCase())) continue;
    for (const [key, metric] of Object.entries(await readMetricsFile(entry.absolute, entry.relative, format, warnings)))
      metrics.set(key, metric);
    sources.push(entry.relative);
  }
  const skipFolder = (name) => name.startsWith(".") || name === "node_modules";
  const events = (await listWorkspaceFolder(folder, { recursive: true, skipFolder })).filter(
    (file) => isTfeventsName(path5.posix.basename(file.relative))
  );
  if (events.length > 0) {
    const table = new MetricTable();
    for (const file of events) {
      const below = path5.posix.dirname(file.relative.slice(folder.relative === "." ? 0 : folder.relative.length + 1));
      await readTfeventsInto(table, file.absolute, file.relative, below === "." ? "" : `${below}/`, warnings);
      sources.push(file.relative);
    }
    for (const [key, metric] of table.toMetrics()) metrics.set(key, metric);
  }
  return { metrics, sources, kind: "files" };
}

// packages/core/src/metrics/collect-metrics.ts
async function collectMetrics(patterns, options, skip = /* @__PURE__ */ new Set()) {
  const merged = /* @__PURE__ */ new Map();
  const sources = [];
  const skipped = [];
  const warnings = [];
  for (const pattern of patterns) {
    if (pattern.trim() === "") continue;
    let found = 0;
    let skippedHere = false;
    for (const match of await expandWorkspacePattern(pattern, options, "metrics path")) {
      if (skip.has(match.relative)) {
        skipped.push(match.relative);
        skippedHere = true;
      } else if (match.isDirectory) {
        const folder = await readMetricsFolder(match, warnings);
        if (folder.sources.length > 0 && folder.sources.every((source) => skip.has(source))) {
          skipped.push(...folder.sources);
          skippedHere = true;
          continue;
        }
        for (const [key, metric] of folder.metrics) merged.set(key, metric);
        found += folder.metrics.size;
        sources.push(...folder.sources);
      } else {
        const metrics2 = await readMetricsFile(match.absolute, match.relative, void 0, warnings);
        for (const key of Object.keys(metrics2)) merged.set(key, metrics2[key]);
        found += Object.keys(metrics2).length;
        sources.push(match.relative);
      }
    }
    if (found === 0 && !skippedHere) {
      throw new UserError(
        `metrics path ${JSON.stringify(pattern.trim())} has no metrics: no numeric values were found in what it names`
      );
    }
  }
  const metrics = {};
  for (const [key, metric] of merged) setOwnEntry(metrics, key, metric);
  return { metrics, sources: [...new Set(sources)], skipped: [...new Set(skipped)], warnings };
}

// packages/core/src/model-package/semver.ts
var NUMERIC = "0|[1-9]\\d*";
var PRERELEASE_ID = `(?:${NUMERIC}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
var SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`
);

// packages/core/src/model-package/model-version.ts
var NAME2 = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
var MAX_MODEL_NAME = 100;
function validateModelName(name) {
  if (name.length > MAX_MODEL_NAME) {
    throw new UserError(
      `input name: the model name is ${name.length} characters; at most ${MAX_MODEL_NAME} are accepted (it names a tag, an artifact and a folder)`
    );
  }
  if (!NAME2.test(name)) {
    throw new UserError(
      `input name: ${JSON.stringify(name)} is not a valid model name; use letters, digits, "-" and "_", starting and ending with a letter or digit (GTO's artifact names)`
    );
  }
  return name;
}

// packages/core/src/model-package/tar-archive.ts
var USTAR_MAX_SIZE = 8 ** 11 - 1;
var READ_CHUNK = 1024 * 1024;

// packages/core/src/model-package/release-archive.ts
var RELEASE_ASSET_LIMIT = 2 * 1024 ** 3 - 1;
var DEFAULT_RELEASE_PART_SIZE = 2 * 1024 ** 3 - 1024 ** 2;

// packages/core/src/params/read-params-file.ts
var MAX_PARAMS_FILE_BYTES = 1024 * 1024;

// packages/core/src/params/credential-redaction.ts
var VALUE2 = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s'"]+)`;
var FLAG = new RegExp(String.raw`(^|\s)(--?)([A-Za-z0-9][\w.-]*)(=|\s+(?!-))(${VALUE2})`, "g");
var ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(])([A-Za-z_][\w.]*)=(${VALUE2})`, "g");

// packages/core/src/record/run-record-size.ts
var MAX_RUN_RECORD_BYTES = 10 * 1024 * 1024;

// packages/core/src/report/markdown-table.ts
var DELIMITER = { left: ":--", right: "--:", center: ":-:" };
function tableHeader(columns) {
  const titles = columns.map((column) => column.title);
  const delimiters = columns.map((column) => DELIMITER[column.align ?? "left"]);
  return `${tableRow(titles)}
${tableRow(delimiters)}`;
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}

// packages/core/src/report/learning-curve.ts
var SIDE_TABLE = tableHeader([
  { title: "Line", align: "center" },
  { title: "Series" },
  { title: "Steps", align: "right" },
  { title: "First", align: "right" },
  { title: "Min", align: "right" },
  { title: "Max", align: "right" },
  { title: "Last", align: "right" }
]);

// packages/core/src/report/render-comparison.ts
var MAX_SUMMARY_BYTES = 1024 * 1024;

// packages/core/src/rollout/stage-tags.ts
var STAGE_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;
function validateStageName(stage, input = "stage") {
  if (!STAGE_NAME.test(stage)) {
    throw new UserError(
      `input "${input}": ${JSON.stringify(stage)} is not a stage name GTO accepts: letters, digits, "-", "_" and "/", starting and ending with a letter or digit`
    );
  }
  return stage;
}
function parseStageTag(tag, name) {
  if (!tag.startsWith(`${name}#`)) return void 0;
  const match = /^(.+?)(!?)#([0-9]+)$/.exec(tag.slice(name.length + 1));
  if (match === null || !STAGE_NAME.test(match[1] ?? "")) return void 0;
  return { tag, stage: match[1] ?? "", unassign: match[2] === "!", counter: Number(match[3]) };
}
function nextStageCounter(tags, name) {
  let highest = 0;
  for (const tag of tags) {
    const parsed = parseStageTag(tag, name);
    if (parsed !== void 0 && parsed.counter > highest) highest = parsed.counter;
  }
  return highest + 1;
}
function currentStageVersion(events, stage) {
  const active = /* @__PURE__ */ new Map();
  for (const event of [...events].filter((e) => e.stage === stage).sort((a, b) => a.counter - b.counter)) {
    if (event.version === void 0) continue;
    if (event.unassign) active.delete(event.version);
    else active.set(event.version, event.counter);
  }
  let latest;
  for (const entry of active) if (latest === void 0 || entry[1] > latest[1]) latest = entry;
  return latest?.[0];
}

// packages/core/src/rollout/live-metrics.ts
function checkLiveRules(rules, input = "rules", subject = "a rollout step's metrics") {
  if (rulesNeedBaseline(rules)) {
    throw new UserError(
      `input "${input}": ${subject} have no baseline, so rules may not use \`baseline\` or \`no-drop\``
    );
  }
}
function judgeLiveMetrics(rules, metrics, step) {
  const at = step.at.toISOString();
  const record = {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `${step.experiment}-${step.at.getTime()}`,
    experiment: step.experiment,
    attempt: 1,
    provenance: outsideProvenance({
      repository: step.repository,
      serverUrl: step.serverUrl,
      sha: step.sha,
      ref: "",
      branch: "",
      event: "deployment"
    }),
    params: {},
    metrics,
    outcome: { status: "collected", startedAt: at, finishedAt: at, durationMs: 0 },
    inputs: [],
    sources: step.sources
  };
  return evaluateRules(rules, { runs: [record], baseline: void 0, requireBaseline: false, alpha: 0.05 });
}

// packages/core/src/text/url-secrets.ts
var URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
var URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#]*@)?([^?#]*)([?#].*)?$/is;
function withoutUrlSecrets(text) {
  return text.replace(URL_IN_TEXT, (url) => {
    const parts = URL_PARTS.exec(url);
    if (parts === null) return url;
    const [, scheme = "", rest = "", query] = parts;
    return `${scheme}${rest}${query === void 0 ? "" : "?***"}`;
  });
}

// packages/core/src/text/one-line.ts
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
}

// packages/github/src/action-context.ts
function readActionContext(env = process.env) {
  const repository = env["GITHUB_REPOSITORY"] ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const eventName = env["GITHUB_EVENT_NAME"] ?? "";
  const payload = readPayload(env, eventName);
  const pull = asRecord(payload["pull_request"]);
  const group = eventName === "merge_group" ? asRecord(payload["merge_group"]) : void 0;
  const ref = env["GITHUB_REF"] ?? "";
  const headRepo = asRecord(asRecord(pull?.["head"])?.["repo"]);
  const baseRepo = asRecord(asRecord(pull?.["base"])?.["repo"]);
  const groupBase = asString(group?.["base_ref"])?.replace(/^refs\/heads\//, "");
  return {
    owner,
    repo,
    repository,
    serverUrl: env["GITHUB_SERVER_URL"] ?? "https://github.com",
    apiUrl: env["GITHUB_API_URL"] ?? "https://api.github.com",
    eventName,
    sha: env["GITHUB_SHA"] ?? "",
    ref,
    branch: env["GITHUB_HEAD_REF"] || ref.replace(/^refs\/(heads|tags)\//, ""),
    baseRef: env["GITHUB_BASE_REF"] || asString(asRecord(pull?.["base"])?.["ref"]) || groupBase,
    baseSha: asString(asRecord(pull?.["base"])?.["sha"]) ?? asString(group?.["base_sha"]),
    pullRequest: typeof pull?.["number"] === "number" ? pull["number"] : void 0,
    headSha: asString(asRecord(pull?.["head"])?.["sha"]) ?? asString(group?.["head_sha"]),
    fromFork: headRepo !== void 0 && baseRepo !== void 0 && headRepo["full_name"] !== baseRepo["full_name"],
    before: asString(payload["before"]),
    workflow: env["GITHUB_WORKFLOW"] ?? "",
    workflowPath: /^[^/]+\/[^/]+\/(.+?)@/.exec(env["GITHUB_WORKFLOW_REF"] ?? "")?.[1],
    runId: Number(env["GITHUB_RUN_ID"] ?? 0),
    runAttempt: Number(env["GITHUB_RUN_ATTEMPT"] ?? 1),
    runNumber: Number(env["GITHUB_RUN_NUMBER"] ?? 0),
    job: env["GITHUB_JOB"] ?? "",
    runnerOs: env["RUNNER_OS"] ?? "",
    runnerEnvironment: env["RUNNER_ENVIRONMENT"] || void 0,
    workspace: env["GITHUB_WORKSPACE"] ?? process.cwd(),
    temp: env["RUNNER_TEMP"] || void 0,
    payload
  };
}
var PULL_REQUEST_FIELDS = [
  "pull_request.number:number",
  "pull_request.head.sha",
  "pull_request.base.ref",
  "pull_request.base.sha"
];
var REQUIRED_FIELDS = {
  push: ["ref", "after"],
  pull_request: PULL_REQUEST_FIELDS,
  pull_request_target: PULL_REQUEST_FIELDS,
  merge_group: ["merge_group.head_sha", "merge_group.base_sha", "merge_group.base_ref"],
  workflow_run: ["workflow_run.id:number", "workflow_run.head_sha"]
};
function readPayload(env, eventName) {
  const path6 = env["GITHUB_EVENT_PATH"] ?? "";
  if (path6 === "") {
    if (env["GITHUB_ACTIONS"] === "true") {
      throw new UserError("GITHUB_EVENT_PATH is not set: the runner gives every step its event payload");
    }
    return {};
  }
  const where = `the event payload ${path6} (GITHUB_EVENT_PATH)`;
  let text;
  try {
    text = readFileSync(path6, "utf8");
  } catch (thrown) {
    const code = thrown?.code;
    throw new UserError(`${where} cannot be read${typeof code === "string" ? ` (${code})` : ""}`, { file: path6 });
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${where} is not valid JSON`, { file: path6 });
  }
  const payload = asRecord(parsed);
  if (payload === void 0) throw new UserError(`${where} is not a JSON object`, { file: path6 });
  for (const field of REQUIRED_FIELDS[eventName] ?? []) {
    const [dotted = "", type = "string"] = field.split(":");
    let value = payload;
    for (const part of dotted.split(".")) value = asRecord(value)?.[part];
    const present = type === "number" ? typeof value === "number" : typeof value === "string" && value !== "";
    if (!present) {
      throw new UserError(`${where} is not a ${eventName} event: it has no ${type} ${dotted}`, { file: path6 });
    }
  }
  return payload;
}
function asRecord(value) {
  return isPlainObject(value) ? value : void 0;
}
function asString(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}

// packages/github/src/incomplete-answer.ts
var IncompleteAnswerError = class extends Error {
  status = 502;
  request;
  response;
  constructor(method, url, request, response) {
    super(`GitHub's answer to ${method} ${new URL(url, "http://github.invalid").pathname} was cut off or is not JSON`);
    this.name = "HttpError";
    this.request = request;
    this.response = response;
  }
};
function refuseIncompleteAnswers(octokit) {
  octokit.hook.wrap("request", async (request, options) => {
    const response = await request(options);
    const type = String(response.headers["content-type"] ?? "");
    if (/\bjson\b/i.test(type) && typeof response.data === "string") {
      const request2 = { ...options, request: { ...options.request } };
      throw new IncompleteAnswerError(String(options.method), response.url, request2, response);
    }
    return response;
  });
}

// packages/github/src/wait.ts
function wait(ms) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

// packages/github/src/write-pacing.ts
var WRITE_SPACING_MS = 1e3;
var WRITE_METHODS = /* @__PURE__ */ new Set(["POST", "PATCH", "PUT", "DELETE"]);
function writePacing(octokit, options) {
  const pacing = options.writePacing;
  if (pacing === void 0 || pacing.spacingMs <= 0) return;
  const now = pacing.now ?? Date.now;
  const wait2 = pacing.wait ?? wait;
  let lastStart = Number.NEGATIVE_INFINITY;
  let queue = Promise.resolve();
  octokit.hook.wrap("request", async (request, endpoint) => {
    if (!WRITE_METHODS.has(endpoint.method.toUpperCase())) return request(endpoint);
    const turn = queue.then(async () => {
      const due = lastStart + pacing.spacingMs - now();
      if (due > 0) await wait2(due);
      lastStart = now();
    });
    queue = turn;
    await turn;
    return request(endpoint);
  });
}

// packages/github/src/github-client.ts
async function loadClientClass() {
  const [{ Octokit }, { paginateRest }, { retry }, { throttling }] = await Promise.all([
    import("./chunk-ZGWWXJEX.js"),
    import("./chunk-D4YGP6RX.js"),
    import("./chunk-5MYQJSSY.js"),
    import("./chunk-7ZUFNLZX.js")
  ]);
  return Octokit.plugin(refuseIncompleteAnswers, paginateRest, retry, throttling, writePacing);
}
var UNPACED = {
  key: () => ({ schedule: (_options, job) => job() })
};
var RETRY_WAIT_SCALE_VARIABLE = "ML_ACTIONS_RETRY_WAIT_SCALE";
function retryWaitScale(env = process.env) {
  const text = env[RETRY_WAIT_SCALE_VARIABLE]?.trim() ?? "";
  if (text === "") return 1;
  const scale = Number(text);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) {
    throw new UserError(`${RETRY_WAIT_SCALE_VARIABLE} must be a number in (0, 1], got "${text}"`);
  }
  return scale;
}
async function createGitHubClient(options) {
  const ClientClass = await loadClientClass();
  const retries = options.retries ?? 3;
  const scale = options.waitScale ?? retryWaitScale(options.env);
  const log = options.log;
  const waitOut = (limit, retryAfter, retryCount) => {
    if (retryCount >= retries) return false;
    log.warn(`GitHub ${limit} hit; retrying after ${retryAfter} s (attempt ${retryCount + 1} of ${retries})`);
    return true;
  };
  return new ClientClass({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: "ml-actions",
    log: {
      debug: (message) => log.debug(message),
      info: (message) => log.debug(message),
      warn: (message) => log.warn(message),
      error: (message) => log.warn(message)
    },
    retry: {
      retries,
      retryAfterBaseValue: Math.max(1, Math.round(1e3 * scale)),
      // The plugin's default list plus 429: rate limits are the throttling plugin's, which honours Retry-After.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    writePacing: { spacingMs: Math.round(WRITE_SPACING_MS * scale) },
    throttle: {
      write: UNPACED,
      notifications: UNPACED,
      // Retry-After and rate-limit resets are in seconds; the scale shortens them only in tests.
      retryAfterBaseValue: Math.max(1, Math.round(1e3 * scale)),
      // Bottleneck clustering is not needed for one short-lived step; it only adds start-up cost.
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => waitOut("rate limit", retryAfter, retryCount),
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => waitOut("secondary rate limit", retryAfter, retryCount),
      fallbackSecondaryRateRetryAfter: 60
    }
  });
}

// packages/github/src/action-inputs.ts
var ActionInputs = class {
  runner;
  constructor(runner) {
    this.runner = runner;
  }
  /**
   * A variable of the step's environment, trimmed; blank reads as undefined. For settings whose
   * tools take them from the environment (MLFLOW_TRACKING_URI), which an input default cannot name.
   */
  environment(name) {
    const value = this.runner.env?.[name]?.trim() ?? "";
    return value === "" ? void 0 : value;
  }
  /**
   * The factor the step's retry waits are scaled by (ML_ACTIONS_RETRY_WAIT_SCALE, as `retryWaitScale`
   * reads it), for clients other than the GitHub one that wait the same way.
   */
  retryWaitScale() {
    return retryWaitScale(this.runner.env ?? {});
  }
  /** Masks a value (a token from the environment) in every later log line. */
  mask(value) {
    this.runner.setSecret(value);
  }
  /** The input trimmed; blank reads as undefined. */
  optional(name) {
    const value = this.runner.input(name).trim();
    return value === "" ? void 0 : value;
  }
  /** The input trimmed; missing or blank is a user error. */
  required(name) {
    const value = this.optional(name);
    if (value === void 0) throw new UserError(`input "${name}" is required`);
    return value;
  }
  /** A boolean as YAML 1.2's core schema writes it (true/True/TRUE/false/False/FALSE); anything else is refused. */
  boolean(name) {
    const value = this.optional(name) ?? "";
    if (["true", "True", "TRUE"].includes(value)) return true;
    if (["false", "False", "FALSE"].includes(value)) return false;
    throw new UserError(
      `input "${name}" must be true or false, got ${value === "" ? "an empty value" : JSON.stringify(value)}`
    );
  }
  /** Non-empty, trimmed lines of a multi-line input; `#` comment lines are dropped. */
  list(name) {
    return this.runner.input(name).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  }
  /** One of a fixed set of words. */
  choice(name, choices) {
    const value = this.optional(name) ?? "";
    if (choices.includes(value)) return value;
    throw new UserError(`input "${name}" must be one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
  }
  /** An integer within bounds. */
  integer(name, bounds) {
    const value = this.optional(name) ?? "";
    if (!/^-?\d+$/.test(value)) {
      throw new UserError(`input "${name}" must be an integer, got ${value === "" ? "an empty value" : `"${value}"`}`);
    }
    const parsed = Number(value);
    if (parsed < bounds.min || parsed > bounds.max) {
      throw new UserError(`input "${name}" must be between ${bounds.min} and ${bounds.max}, got ${parsed}`);
    }
    return parsed;
  }
  /** A decimal number strictly between 0 and 1, such as a significance level (0.05, 5e-2). */
  fraction(name) {
    const value = this.optional(name) ?? "";
    const parsed = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed > 0 && parsed < 1)) {
      const got = value === "" ? "an empty value" : `"${value}"`;
      throw new UserError(`input "${name}" must be a number between 0 and 1, both excluded (such as 0.05), got ${got}`);
    }
    return parsed;
  }
  /** An integer within bounds, or undefined when blank. */
  optionalInteger(name, bounds) {
    return this.optional(name) === void 0 ? void 0 : this.integer(name, bounds);
  }
  /** An http(s) address, or undefined when blank. */
  optionalUrl(name) {
    const value = this.optional(name);
    if (value === void 0) return void 0;
    if (safeUrl(value) === void 0) {
      throw new UserError(`input "${name}" must be an http(s) address, got ${JSON.stringify(value)}`);
    }
    return value;
  }
  /** A token, masked in the log before anything else can print it; undefined when blank. */
  secret(name) {
    const value = this.optional(name);
    if (value !== void 0) this.runner.setSecret(value);
    return value;
  }
};

// packages/github/src/github-failure.ts
function describeGitHubFailure(thrown) {
  if (typeof thrown !== "object" || thrown === null) return void 0;
  const { status, message, request, response } = thrown;
  if (typeof status !== "number" || typeof request?.method !== "string" || typeof request.url !== "string") {
    return void 0;
  }
  const call = `${request.method} ${pathOf(request.url)}`;
  const retryCount = request.request?.retryCount;
  const after = status >= 500 && typeof retryCount === "number" && retryCount > 0 ? `, after ${retryCount} retries` : "";
  if (thrown instanceof IncompleteAnswerError) return `${thrown.message}${after}`;
  const text = safeLine(typeof message === "string" ? message : "");
  if (response === void 0) return `the connection to GitHub failed during ${call} (${text})${after}`;
  const data = response.data;
  const reason = safeLine(typeof data?.message === "string" ? data.message : text);
  const answered = `GitHub answered ${status}${reason === "" ? "" : ` (${reason})`} to ${call}${after}`;
  const permission = missingPermission(thrown);
  if (permission === void 0) return answered;
  return `${answered}: the job's token lacks ${permission}; add it to the job's \`permissions\``;
}
function pathOf(url) {
  try {
    return decodeURIComponent(new URL(url, "http://github.invalid").pathname);
  } catch {
    return url.replace(/[?#].*$/, "");
  }
}
function safeLine(text) {
  return withoutUrlSecrets(oneLine(text));
}
function isPermissionRefusal(thrown) {
  if (typeof thrown !== "object" || thrown === null) return false;
  const { status, message, response } = thrown;
  if (status !== 403) return false;
  const remaining = response?.headers?.["x-ratelimit-remaining"];
  if (remaining === "0" || remaining === 0) return false;
  const data = response?.data;
  const said = [message, data?.message].filter((text) => typeof text === "string").join(" ");
  return !/rate limit/i.test(said);
}
function missingPermission(thrown) {
  if (!isPermissionRefusal(thrown)) return void 0;
  const { request, response } = thrown;
  const accepted = response?.headers?.["x-accepted-github-permissions"];
  if (typeof accepted === "string" && accepted.trim() !== "") {
    const sets = accepted.split(";").map(
      (set) => set.split(",").map((pair) => pair.trim().split("=")).filter((pair) => pair.length === 2 && pair[0] !== "" && pair[1] !== "").map(([name, access2]) => `${name.replace(/_/g, "-")}: ${access2}`).join(" and ")
    ).filter((set) => set !== "");
    if (sets.length > 0) return printableHeader(sets.join(" or "));
  }
  const path6 = typeof request?.url === "string" ? pathOf(request.url) : "";
  return KNOWN_PERMISSIONS.find(([pattern]) => pattern.test(path6))?.[1];
}
var KNOWN_PERMISSIONS = [
  [/\/check-runs(\/|$)/, "checks: write"],
  // Comments on a pull request go through the issues endpoint, which takes either permission.
  [/\/issues\/(\d+\/comments|comments\/)/, "pull-requests: write (or issues: write)"],
  [/\/(git\/refs|git\/tags|releases)(\/|$)/, "contents: write"],
  [/\/actions\/artifacts(\/|$)/, "actions: write"]
];
function printableHeader(text) {
  return safeLine(text).replace(/[^\w ,:;=()-]/g, "").slice(0, 200);
}

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants as constants2, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants2.R_OK | constants2.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat: lstat3, mkdir, open: open2, readdir: readdir2, rename, rm, rmdir, stat: stat2, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// packages/github/src/artifact-client.ts
async function loadArtifactClient() {
  const { DefaultArtifactClient } = await import("./artifact.js");
  return new DefaultArtifactClient();
}

// packages/github/src/runner.ts
function actionsRunner() {
  return {
    input: (name) => getInput(name),
    setSecret: (value) => setSecret(value),
    setOutput: (name, value) => setOutput(name, value),
    writeSummary: async (markdown) => {
      await summary.addRaw(markdown, true).write();
    },
    print: (text) => info(text),
    debug: (text) => debug(text),
    annotate: (level, message, place) => {
      const properties = {};
      if (place.title !== void 0) properties.title = place.title;
      if (place.file !== void 0) properties.file = place.file;
      if (place.line !== void 0) properties.startLine = place.line;
      if (place.column !== void 0) properties.startColumn = place.column;
      if (level === "error") error(message, properties);
      else if (level === "warning") warning(message, properties);
      else notice(message, properties);
    },
    startGroup: (title) => startGroup(title),
    endGroup: () => endGroup(),
    artifactClient: loadArtifactClient,
    markFailed: () => {
      process.exitCode = ExitCode.Failure;
    },
    env: process.env
  };
}

// packages/github/src/step-log.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// packages/github/src/printable.ts
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
function printable2(text) {
  return showHiddenCharacters(text).replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    if (code < 32) return String.fromCharCode(9216 + code);
    return code === 127 ? "\u2421" : "\uFFFD";
  });
}

// packages/github/src/step-log.ts
var ANNOTATIONS_PER_LEVEL = 10;
var COMMAND_LIKE = /^\s*::|##\[/m;
var StepLog = class {
  annotated = { error: 0, warning: 0, notice: 0 };
  unshown = { error: 0, warning: 0, notice: 0 };
  runner;
  constructor(runner) {
    this.runner = runner;
  }
  info(text) {
    const shown = printable2(text);
    if (!COMMAND_LIKE.test(shown)) {
      this.runner.print(shown);
      return;
    }
    const token = `ml-actions-${randomUUID2()}`;
    this.runner.print(`::stop-commands::${token}`);
    this.runner.print(shown);
    this.runner.print(`::${token}::`);
  }
  debug(text) {
    this.runner.debug(printable2(text));
  }
  notice(text, place = {}) {
    this.annotate("notice", text, place, false);
  }
  warning(text, place = {}) {
    this.annotate("warning", text, place, false);
  }
  error(text, place = {}) {
    this.annotate("error", text, place, false);
  }
  /** The error the step fails with: it always gets an annotation of its own. */
  failure(text, place = {}) {
    this.annotate("error", text, place, true);
  }
  async group(title, body) {
    this.runner.startGroup(printable2(title).replace(/\n/g, " "));
    try {
      return await body();
    } finally {
      this.runner.endGroup();
    }
  }
  /** Logs how many problems were printed as plain lines rather than annotated, if any. */
  reportUnshown() {
    const parts = ["error", "warning", "notice"].filter((level) => this.unshown[level] > 0).map((level) => `${this.unshown[level]} more ${level}${this.unshown[level] === 1 ? "" : "s"}`);
    if (parts.length === 0) return;
    this.runner.print(
      `${parts.join(" and ")} in the log above, not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings of a step`
    );
  }
  annotate(level, text, place, failure) {
    const room = level === "error" && !failure ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (this.annotated[level] < room) {
      this.annotated[level] += 1;
      const shownPlace = place.title === void 0 ? place : { ...place, title: printable2(place.title) };
      this.runner.annotate(level, printable2(text), shownPlace);
      return;
    }
    this.unshown[level] += 1;
    const where = place.file === void 0 ? "" : `${place.file}${place.line === void 0 ? "" : `:${place.line}`}: `;
    this.info(`${level}: ${where}${text}`);
  }
};

// packages/github/src/action-step.ts
async function runStep(definition, body, runner = actionsRunner()) {
  const log = new StepLog(runner);
  const summary2 = [];
  let failure;
  try {
    const settings = definition.settings(new ActionInputs(runner));
    let context;
    let session;
    let artifacts;
    const step = {
      settings,
      log,
      get context() {
        context ??= readActionContext(runner.env);
        return context;
      },
      env: runner.env,
      setOutput: (name, value) => runner.setOutput(name, String(value)),
      addSummary: (markdown) => summary2.push(markdown),
      fail: (text) => {
        const message = withoutUrlSecrets(text);
        failure ??= { message, annotated: true };
        log.failure(message);
      },
      get failed() {
        return failure !== void 0;
      },
      github: () => {
        const token = definition.token?.(settings);
        if (token === void 0) return Promise.resolve(void 0);
        session ??= createGitHubClient({
          token,
          apiUrl: step.context.apiUrl,
          env: runner.env,
          log: { warn: (message) => log.warning(message), debug: (message) => log.debug(message) }
        }).then((client) => ({ token, client }));
        return session;
      },
      requireGitHub: async (purpose) => {
        const found = await step.github();
        if (found === void 0) throw new UserError(`input "github-token" is empty: ${purpose}`);
        return found;
      },
      artifacts: () => {
        artifacts ??= runner.artifactClient();
        return artifacts;
      }
    };
    await body(step);
  } catch (thrown) {
    const described = describeFailure(definition.name, thrown, log);
    failure = { ...described, message: withoutUrlSecrets(described.message) };
  }
  if (failure !== void 0) {
    summary2.push(failureAlert(failure.message));
  }
  try {
    if (summary2.length > 0) await runner.writeSummary(summary2.join("\n"));
  } catch (thrown) {
    log.warning(withoutUrlSecrets(`${definition.name}: could not write the job summary: ${errorMessage(thrown)}`));
  }
  if (failure !== void 0 && !failure.annotated) log.failure(failure.message);
  log.reportUnshown();
  if (failure !== void 0) runner.markFailed();
}
function exitWhenFlushed() {
  process.stdout.write("", () => process.exit());
}
function describeFailure(actionName, thrown, log) {
  if (thrown instanceof UserError) {
    (thrown instanceof UserErrors ? thrown.errors : [thrown]).forEach((error2, index) => {
      const place = { title: actionName };
      if (error2.file !== void 0) place.file = error2.file;
      if (error2.line !== void 0) place.line = error2.line;
      if (error2.column !== void 0) place.column = error2.column;
      const line = withoutUrlSecrets(error2.message.split("\n")[0] ?? error2.message);
      if (index === 0) log.failure(line, place);
      else log.error(line, place);
    });
    if (thrown.message.includes("\n")) log.info(withoutUrlSecrets(thrown.message));
    return { message: thrown.message, annotated: true };
  }
  const failedCall = describeGitHubFailure(thrown);
  if (failedCall !== void 0) return { message: `${actionName}: ${failedCall}`, annotated: false };
  if (thrown instanceof Error && thrown.stack !== void 0) log.debug(withoutUrlSecrets(thrown.stack));
  return { message: `${actionName} failed unexpectedly: ${errorMessage(thrown)}`, annotated: false };
}
function failureAlert(message) {
  return `
> [!CAUTION]
> ${message.split("\n").join("\n> ")}
`;
}

// packages/github/src/text-artifact.ts
var MAX_ARTIFACT_NAME = 200;
var NOT_IN_ARTIFACT_NAME = new RegExp(`["':<>|*?\\\\/\\p{Cc}\\p{Cs}]|(?!\\u200d)\\p{Cf}`, "gu");
var KEPT_OF_CHANGED_NAME = MAX_ARTIFACT_NAME - 13;

// packages/github/src/model-releases.ts
import { createHash } from "node:crypto";
function statusOf(thrown) {
  const status = thrown?.status;
  if (typeof status !== "number") return void 0;
  if (status === 500 && thrown.response === void 0) return void 0;
  return status;
}
async function releasedPackage(target, tag) {
  let release;
  try {
    release = await target.github.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
      owner: target.owner,
      repo: target.repo,
      tag
    });
  } catch (thrown) {
    if (statusOf(thrown) === 404) return void 0;
    throw thrown;
  }
  const manifest = release.data.assets.find((asset) => asset.name === "manifest.json");
  if (manifest === void 0) return { url: release.data.html_url, manifestSha256: void 0, manifest: void 0 };
  const bytes = await target.github.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
    owner: target.owner,
    repo: target.repo,
    asset_id: manifest.id,
    headers: { accept: "application/octet-stream" }
  });
  const data = bytes.data;
  const buffer = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(typeof data === "string" ? data : JSON.stringify(data));
  return {
    url: release.data.html_url,
    manifestSha256: createHash("sha256").update(buffer).digest("hex"),
    manifest: buffer
  };
}

// packages/github/src/model-tags.ts
async function matchingTagRefs(target, prefix) {
  const response = await target.github.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
    owner: target.owner,
    repo: target.repo,
    ref: `tags/${prefix}`
  });
  return response.data.map((ref) => ({ tag: ref.ref.replace(/^refs\/tags\//, ""), object: ref.object }));
}
async function tagsWithCommits(target, prefix) {
  const found = [];
  for (const ref of await matchingTagRefs(target, prefix)) {
    let commit = ref.object.sha;
    if (ref.object.type === "tag") {
      const object = await target.github.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", {
        owner: target.owner,
        repo: target.repo,
        tag_sha: ref.object.sha
      });
      commit = object.data.object.sha;
    }
    found.push({ tag: ref.tag, commit });
  }
  return found;
}

// packages/github/src/token-identity.ts
var ACTIONS_BOT_LOGIN = "github-actions[bot]";
async function tokenIdentity(github) {
  try {
    const response = await github.request("GET /user");
    return response.data.login;
  } catch (thrown) {
    const status = thrown.status;
    if (status === 403 || status === 401) return ACTIONS_BOT_LOGIN;
    throw thrown;
  }
}

// packages/github/src/user-command.ts
var MAX_TIMER_MS = 2 ** 31 - 1;

// packages/github/src/stage-assignments.ts
async function readModelTags(target, name) {
  const [versionTags, stageTags] = await Promise.all([
    tagsWithCommits(target, `${name}@v`),
    tagsWithCommits(target, `${name}#`)
  ]);
  const versions = versionTags.map(({ tag, commit }) => ({ version: tag.slice(name.length + 2), tag, commit })).filter((entry) => /^[0-9]/.test(entry.version));
  const stageEvents = [];
  for (const { tag, commit } of stageTags) {
    const parsed = parseStageTag(tag, name);
    if (parsed === void 0) continue;
    stageEvents.push({ ...parsed, commit, version: versions.find((v) => v.commit === commit)?.version });
  }
  stageEvents.sort((a, b) => a.counter - b.counter);
  return {
    versions,
    stageEvents,
    nextCounter: nextStageCounter(
      stageTags.map((t) => t.tag),
      name
    )
  };
}

// packages/github/src/alarm-issue.ts
async function findAlarmIssues(target, marker, identity, labels) {
  const issues = await target.github.paginate("GET /repos/{owner}/{repo}/issues", {
    owner: target.owner,
    repo: target.repo,
    state: "open",
    ...labels.length === 0 ? {} : { labels: labels.join(",") },
    per_page: 100
  });
  return issues.filter(
    (issue2) => issue2.pull_request === void 0 && issue2.user?.login === identity && (issue2.body ?? "").includes(marker)
  ).sort((a, b) => a.number - b.number).map((issue2) => ({ number: issue2.number, url: issue2.html_url, body: issue2.body ?? "" }));
}
async function openAlarmIssue(target, issue2) {
  const created = await target.github.request("POST /repos/{owner}/{repo}/issues", {
    owner: target.owner,
    repo: target.repo,
    title: issue2.title,
    body: issue2.body,
    ...issue2.labels.length === 0 ? {} : { labels: [...issue2.labels] }
  });
  const ours = await findAlarmIssues(target, issue2.marker, issue2.identity, issue2.labels);
  const keeper = ours[0] ?? { number: created.data.number, url: created.data.html_url, body: issue2.body };
  for (const extra of ours.slice(1)) {
    await target.github.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: target.owner,
      repo: target.repo,
      issue_number: extra.number,
      state: "closed",
      state_reason: "duplicate"
    });
  }
  return { ...keeper, created: keeper.number === created.data.number };
}
async function updateAlarmIssue(target, number, update) {
  await target.github.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    owner: target.owner,
    repo: target.repo,
    issue_number: number,
    title: update.title,
    body: update.body
  });
}
async function closeAlarmIssue(target, number, comment) {
  await target.github.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: target.owner,
    repo: target.repo,
    issue_number: number,
    body: comment
  });
  await target.github.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    owner: target.owner,
    repo: target.repo,
    issue_number: number,
    state: "closed",
    state_reason: "completed"
  });
}
async function dispatchWorkflow(target, workflow, ref, inputs) {
  await target.github.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
    owner: target.owner,
    repo: target.repo,
    workflow_id: workflow,
    ref,
    inputs
  });
}

// actions/monitor/src/reference.ts
async function loadReference(reference, options) {
  if (reference === "auto") return deployedReference(options.name, options.stage, await options.target());
  if (reference.length === 1 && reference[0].toLowerCase().endsWith(".json")) {
    const file = await resolveWorkspacePath(reference[0], options.where, "reference");
    const text = await readTextFile(file.absolute, file.relative);
    return { reference: { profile: profileOfDocument(text, file.relative) }, source: file.relative };
  }
  const files = await resolveDataFiles(reference, options.where, "reference");
  return {
    reference: await profileDataFiles(files, options.columns),
    source: `the data of ${files.map((file) => file.display).join(", ")}`
  };
}
async function deployedReference(name, stage, target) {
  const tags = await readModelTags(target, name);
  const version = currentStageVersion(tags.stageEvents, stage);
  if (version === void 0) {
    throw new UserError(
      `input "reference" is auto, but no version of ${name} is in ${stage} (no GTO stage tag ${name}#${stage}#<n>): promote one first, or give reference a run record, manifest or data files`
    );
  }
  const entry = tags.versions.find((candidate) => candidate.version === version);
  if (entry === void 0)
    throw new UserError(`${name} v${version} is in ${stage} but has no version tag ${name}@v${version}`);
  const released = await releasedPackage(target, entry.tag);
  if (released?.manifest === void 0) {
    throw new UserError(
      `${name} v${version} is in ${stage}, but ${released === void 0 ? `tag ${entry.tag} has no published release` : `the release of ${entry.tag} has no manifest.json`}: package it with release: true, or give reference a run record, manifest or data files`
    );
  }
  const source = `${entry.tag} release manifest.json`;
  return {
    reference: { profile: profileOfDocument(released.manifest.toString("utf8"), source) },
    source: `the profile of v${version}, from its release's manifest.json`,
    version,
    versionUrl: released.url
  };
}
function profileOfDocument(text, source) {
  const what = "not a run record or model manifest";
  const root = parseUntrustedJson(text, source, what);
  const schema = root?.schema;
  let profile;
  if (schema === "ml-actions/run-record") profile = parseRunRecord(text, source).profile;
  else if (schema === "ml-actions/model-manifest") profile = root.profile;
  else
    throw new UserError(`${source}: ${what} (its "schema" is ${JSON.stringify(schema) ?? "missing"})`, {
      file: source
    });
  if (profile === void 0) {
    throw new UserError(
      `${source}: has no data profile: give train the input profile (the training data) so that the record and the package carry one`,
      { file: source }
    );
  }
  return checkDataProfile(new JsonChecker(source, "invalid data profile"), profile, "$.profile");
}

// actions/monitor/src/settings.ts
function readMonitorSettings(inputs) {
  const reference = inputs.list("reference");
  const data = inputs.list("data");
  if (data.length === 0) throw new UserError('input "data": name the production data files (CSV, TSV, JSON Lines)');
  const rulesText = inputs.optional("rules");
  const rules = rulesText === void 0 ? [] : parseRules(rulesText, 'input "rules"');
  checkLiveRules(rules, "rules", "production metrics");
  const retrain = inputs.optional("retrain-workflow");
  if (retrain !== void 0 && !/^[A-Za-z0-9._-]+\.ya?ml$|^\d+$/.test(retrain.replace(/^\.github\/workflows\//, ""))) {
    throw new UserError(
      `input "retrain-workflow": ${JSON.stringify(retrain)} is not a workflow file name such as retrain.yml (or .github/workflows/retrain.yml)`
    );
  }
  const columns = inputs.list("columns");
  return {
    name: validateModelName(inputs.required("name")),
    stage: validateStageName(inputs.required("stage")),
    reference: reference.length === 0 || reference.length === 1 && reference[0] === "auto" ? "auto" : reference,
    data,
    columns: columns.length === 0 ? void 0 : columns,
    metrics: inputs.list("metrics"),
    rules,
    alpha: inputs.fraction("alpha"),
    issue: inputs.boolean("issue"),
    labels: inputs.list("labels"),
    retrainWorkflow: retrain?.replace(/^\.github\/workflows\//, ""),
    failOnAlarm: inputs.boolean("fail-on-alarm"),
    token: inputs.secret("github-token")
  };
}

// actions/monitor/src/main.ts
var DISPATCHED = "<!-- ml-actions:retrain-dispatched -->";
async function run(runner) {
  await runStep(
    { name: "monitor", settings: readMonitorSettings, token: (settings) => settings.token },
    async (step) => {
      const outputs = { drifted: "false", drift: "[]", alarm: "false", "issue-number": "" };
      try {
        await monitor(step, outputs);
      } finally {
        for (const [name, value] of Object.entries(outputs)) step.setOutput(name, value);
      }
    },
    runner
  );
}
async function monitor(step, outputs) {
  const { settings, context, log } = step;
  const where = { workspace: context.workspace, cwd: context.workspace };
  let target;
  const repository = async (purpose) => {
    target ??= { github: (await step.requireGitHub(purpose)).client, owner: context.owner, repo: context.repo };
    return target;
  };
  const loaded = await loadReference(settings.reference, {
    name: settings.name,
    stage: settings.stage,
    columns: settings.columns,
    where,
    target: () => repository('input "reference" is auto: it reads the stage tags and the release of the deployed version')
  });
  log.info(
    `reference: ${loaded.reference.profile.rows} rows, ${loaded.reference.profile.columns.length} columns (${loaded.source})`
  );
  const files = await resolveDataFiles(settings.data, where, "data");
  const drift = await log.group(
    `Comparing ${files.length} production file${files.length === 1 ? "" : "s"} with the reference`,
    () => measureDrift(loaded.reference, files, {
      alpha: settings.alpha,
      source: loaded.source,
      ...settings.columns === void 0 ? {} : { columns: settings.columns }
    })
  );
  outputs.drifted = String(drift.drifted);
  outputs.drift = JSON.stringify(driftOutput(drift));
  let rules;
  if (settings.rules.length > 0) {
    const live = settings.metrics.length === 0 ? { metrics: {}, sources: [] } : await collectMetrics(settings.metrics, where);
    const metrics = { ...live.metrics };
    for (const [name, value] of Object.entries(driftValues(drift))) metrics[name] = { value };
    rules = judgeLiveMetrics(settings.rules, metrics, {
      experiment: `${settings.name}-${settings.stage}`,
      sources: live.sources,
      at: /* @__PURE__ */ new Date(),
      repository: context.repository,
      serverUrl: context.serverUrl,
      sha: context.sha
    });
  }
  const runUrl = `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
  const view = {
    name: settings.name,
    stage: settings.stage,
    ...loaded.version === void 0 ? {} : { version: loaded.version },
    ...loaded.versionUrl === void 0 ? {} : { versionUrl: loaded.versionUrl },
    referenceSource: loaded.source,
    runUrl,
    checkedAt: /* @__PURE__ */ new Date(),
    files: files.map((file) => file.display),
    drift,
    rules
  };
  const alarm = isAlarm(view);
  outputs.alarm = String(alarm);
  const report = renderMonitorReport(view);
  step.addSummary(report);
  const notes = [];
  if (settings.issue && await step.github() === void 0) {
    notes.push("_No token: the alarm issue was not looked at._");
  } else if (settings.issue) {
    const github = await repository("it keeps the alarm issue");
    const identity = await tokenIdentity(github.github);
    const marker = `<!-- ml-actions:monitor ${settings.name} ${settings.stage} -->`;
    const [open3] = await findAlarmIssues(github, marker, identity, settings.labels);
    if (alarm) {
      let dispatched = open3?.body.includes(DISPATCHED) ?? false;
      const extra = [];
      if (settings.retrainWorkflow !== void 0 && !dispatched) {
        try {
          await dispatchWorkflow(github, settings.retrainWorkflow, context.ref || context.branch, {
            model: settings.name,
            stage: settings.stage,
            drift: retrainSummary(view)
          });
          dispatched = true;
          extra.push(
            `${DISPATCHED}
\u{1F501} Retraining started: \`${settings.retrainWorkflow}\` was dispatched by ${markdownLink("this run", runUrl)}.`
          );
          log.info(`dispatched ${settings.retrainWorkflow} (model ${settings.name}, stage ${settings.stage})`);
        } catch (thrown) {
          step.fail(
            `could not dispatch the retraining workflow ${settings.retrainWorkflow}: ${errorMessage(thrown)}; the next alarm run tries again`
          );
        }
      } else if (dispatched) {
        const kept = open3.body.slice(open3.body.indexOf(DISPATCHED)).split("\n").slice(0, 2).join("\n");
        extra.push(kept);
      }
      const body = [marker, report, ...extra].join("\n\n");
      const title = monitorHeadline(view);
      if (open3 === void 0) {
        const opened = await openAlarmIssue(github, { title, body, labels: settings.labels, marker, identity });
        if (!opened.created) await updateAlarmIssue(github, opened.number, { title, body });
        outputs["issue-number"] = String(opened.number);
        notes.push(
          `Alarm issue: ${markdownLink(`#${opened.number}`, opened.url)} ${opened.created ? "opened" : "updated"}.`
        );
      } else {
        await updateAlarmIssue(github, open3.number, { title, body });
        outputs["issue-number"] = String(open3.number);
        notes.push(`Alarm issue: ${markdownLink(`#${open3.number}`, open3.url)} updated.`);
      }
    } else if (open3 !== void 0) {
      await closeAlarmIssue(
        github,
        open3.number,
        `\u2705 Back to normal: ${markdownLink("this run", runUrl)} found no drifted column in ${drift.rows.toLocaleString("en-US")} rows${rules === void 0 ? "" : " and every rule passed"}. Closing.

${report}`
      );
      outputs["issue-number"] = String(open3.number);
      notes.push(`Alarm issue: ${markdownLink(`#${open3.number}`, open3.url)} closed.`);
    }
  }
  if (notes.length > 0) step.addSummary(`
${notes.join("\n\n")}`);
  if (alarm && settings.failOnAlarm) step.fail(`${monitorHeadline(view)} (input fail-on-alarm is true)`);
}
function retrainSummary(view) {
  const summary2 = {
    model: view.name,
    stage: view.stage,
    ...view.version === void 0 ? {} : { version: view.version },
    rows: view.drift.rows,
    driftedShare: view.drift.driftedShare,
    drifted: view.drift.columns.filter((column) => column.drifted).slice(0, 50).map((column) => ({
      column: column.column,
      pValue: column.adjustedPValue ?? null,
      ...column.note === void 0 ? {} : { note: column.note }
    })),
    failedRules: (view.rules?.results ?? []).filter((result) => result.verdict !== "pass").map((result) => result.rule),
    run: view.runUrl
  };
  return JSON.stringify(summary2).slice(0, 6e4);
}

// actions/monitor/src/index.ts
await run();
exitWhenFlushed();
