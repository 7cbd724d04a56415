/**
 * Seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) seeded through splitmix32.
 * Everything is 32-bit integer math or correctly rounded IEEE operations (+ − × ÷ √), so a seed yields the
 * same bits in every JS engine; normal() therefore uses its own logarithm instead of Math.log, whose last
 * bit the spec leaves to the implementation.
 */

const TWO_POW_32 = 4294967296;

function checkUint32(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v >= TWO_POW_32) throw new RangeError(`${what} must be an integer in [0, 2^32), got ${v}`);
  return v;
}

/** murmur3's fmix32 finaliser: a bijection on uint32 with full avalanche. */
function fmix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Seed of the stream `label` of the generator seeded `seed`; mixed twice so nearby labels and seeds decorrelate. */
function forkSeed(seed: number, label: number): number {
  return fmix32((fmix32(seed ^ 0x5bd1e995) + Math.imul(label, 0x9e3779b9) + 0x7f4a7c15) >>> 0);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SQRT_HALF = Math.SQRT1_2;
// Literals, not 2 ** ±64: the spec leaves ** (Math.pow) implementation-approximated.
const TWO_POW_64 = 18446744073709551616;
const TWO_POW_M64 = 5.421010862427522e-20;
/** 2/(2k+1), the coefficients of ln(m) = 2·atanh(f) = 2(f + f³/3 + f⁵/5 + …) with f = (m−1)/(m+1). */
const ATANH_COEF = Array.from({ length: 12 }, (_, k) => 2 / (2 * k + 1));

/**
 * Natural logarithm from + − × ÷ only, hence bit-identical on every platform. Accurate to a few ulps.
 * x = m·2^e with m in [√½, √2), so |f| ≤ 0.172 and 12 series terms reach double precision.
 */
export function portableLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  // Scaling by powers of two is exact; the big steps keep subnormal/huge inputs to a handful of iterations.
  while (m < TWO_POW_M64) { m *= TWO_POW_64; e -= 64; }
  while (m > TWO_POW_64) { m *= TWO_POW_M64; e += 64; }
  while (m < SQRT_HALF) { m *= 2; e--; }
  while (m >= 2 * SQRT_HALF) { m *= 0.5; e++; }
  const f = (m - 1) / (m + 1);
  const z = f * f;
  let s = ATANH_COEF[ATANH_COEF.length - 1];
  for (let k = ATANH_COEF.length - 2; k >= 0; k--) s = ATANH_COEF[k] + z * s;
  return e * LN2_HI + (f * s + e * LN2_LO);
}

export class Rng {
  /** The construction seed: fork() derives from it, never from the moving state. */
  readonly seed: number;
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** Second value of the last Box–Muller pair, or NaN when none is cached. */
  private spare = NaN;

  constructor(seed: number) {
    this.seed = checkUint32(seed, 'Rng seed');
    let s = this.seed;
    const splitmix32 = (): number => {
      s = (s + 0x9e3779b9) | 0;
      return fmix32(s);
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
    // sfc's author recommends discarding the first outputs so the state mixes before use.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Uniform integer in [0, 2^32). */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) on the 2^-53 grid (two 32-bit draws). */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Gaussian by the polar form of Box–Muller (no trigonometry, so it stays bit-portable); pairs are cached. */
  normal(mean = 0, std = 1): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return mean + std * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const k = Math.sqrt((-2 * portableLog(s)) / s);
    this.spare = v * k;
    return mean + std * (u * k);
  }

  /** Unbiased integer in [0, n), n an integer in [1, 2^32] (rejection sampling, no modulo bias). */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`Rng.int: n must be an integer in [1, 2^32], got ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return x % n;
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T, A extends { length: number; [i: number]: T }>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }

  /**
   * An independent generator for consumer `label` (an integer in [0, 2^32)). It depends only on this
   * generator's seed and the label, not on how far this one has advanced, and does not advance it:
   * adding or removing a consumer leaves every other stream unchanged. Same label ⇒ same stream.
   */
  fork(label: number): Rng {
    return new Rng(forkSeed(this.seed, checkUint32(label, 'Rng.fork label')));
  }

  /** [seed, a, b, c, d, hasSpare (0|1), spare]: finite numbers only, so the state survives JSON exactly. */
  getState(): number[] {
    const hasSpare = Number.isNaN(this.spare) ? 0 : 1;
    return [this.seed, this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0, hasSpare, hasSpare ? this.spare : 0];
  }

  static fromState(s: readonly number[]): Rng {
    if (s.length !== 7) throw new Error(`Rng state must have 7 numbers, got ${s.length}`);
    const r = new Rng(s[0]);
    r.a = checkUint32(s[1], 'Rng state a') | 0;
    r.b = checkUint32(s[2], 'Rng state b') | 0;
    r.c = checkUint32(s[3], 'Rng state c') | 0;
    r.d = checkUint32(s[4], 'Rng state d') | 0;
    r.spare = s[5] === 1 ? s[6] : NaN;
    return r;
  }
}
