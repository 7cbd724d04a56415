/**
 * Axis domains and ticks that survive any data. d3's tick arithmetic divides by 10^power of the step, so a
 * span of subnormals (1e-320) makes it allocate an array of NaN length and throw, and a span of ±1e308 is
 * Infinity and gives NaN ticks. Every chart builds its domains and ticks here: spans are kept between
 * MIN_SPAN and 2·MAX_ABS, non-finite values are ignored, and an empty or flat series still gets a band.
 */
import { superscript } from './format.ts';
import { ticks as d3Ticks } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { MAX_ABS, MIN_SPAN, pow10, type Domain } from './domain.ts';
/** Most ticks an axis draws, whatever it is asked for. */
const MAX_TICKS = 24;

const clampAbs = (v: number): number => Math.max(-MAX_ABS, Math.min(MAX_ABS, v));

/** Smallest and largest finite value over the series, or null when there is none. */
export function finiteExtent(series: readonly ArrayLike<number>[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (v < lo && v > -Infinity) lo = v;
      if (v > hi && v < Infinity) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A linear domain that d3 can tick, from any two numbers: non-finite ends fall back to `fallback`, magnitudes
 * are clamped to MAX_ABS, and a span narrower than MIN_SPAN (or than 1e-9 of the values) becomes a band of
 * ±10 % around the centre (±1 around 0, at least MIN_SPAN) — a flat or single-value series stays visible.
 */
export function safeLinearDomain(lo: number, hi: number, fallback: Domain = [-1, 1]): Domain {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return fallback;
  let a = clampAbs(Math.min(lo, hi));
  let b = clampAbs(Math.max(lo, hi));
  const magnitude = Math.max(Math.abs(a), Math.abs(b));
  if (b - a < Math.max(MIN_SPAN, magnitude * 1e-9)) {
    const centre = a / 2 + b / 2;
    const half = centre === 0 ? 1 : Math.max(Math.abs(centre) * 0.1, MIN_SPAN);
    a = clampAbs(centre - half);
    b = clampAbs(centre + half);
  }
  return [a, b];
}

/** The linear domain of the series' finite values, padded by `pad` of its span on both sides, then nice-rounded. */
export function linearDomainOf(series: readonly ArrayLike<number>[], pad = 0.05, tickCount = 5): Domain {
  const e = finiteExtent(series);
  const d = e ? safeLinearDomain(e[0], e[1]) : ([-1, 1] as Domain);
  const p = (d[1] - d[0]) * pad;
  return niceDomain(safeLinearDomain(d[0] - p, d[1] + p), tickCount);
}

/** d3's nice rounding of a safe domain (kept as it is when rounding would leave the safe range). */
export function niceDomain(domain: Domain, tickCount = 5): Domain {
  const [a, b] = scaleLinear().domain(domain).nice(tickCount).domain();
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) <= MAX_ABS && Math.abs(b) <= MAX_ABS ? [a, b] : domain;
}

/** Whether d3 can tick this domain (finite ends within MAX_ABS, span at least MIN_SPAN). */
export function tickable(domain: readonly number[]): boolean {
  const [a, b] = [Math.min(domain[0], domain[domain.length - 1]), Math.max(domain[0], domain[domain.length - 1])];
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) <= MAX_ABS && Math.abs(b) <= MAX_ABS && b - a >= MIN_SPAN;
}

/** The finite ends of a domain, once each (the ticks of a domain d3 cannot tick). */
function ends(domain: Domain): number[] {
  const out = [domain[0], domain[1]].filter(Number.isFinite);
  return out.length === 2 && out[0] === out[1] ? [out[0]] : out;
}

/** About `count` round ticks inside a linear domain; never throws, at most MAX_TICKS, only finite values. */
export function linearTicks(domain: Domain, count: number): number[] {
  if (!tickable(domain)) return ends(domain);
  const t = d3Ticks(domain[0], domain[1], Math.max(1, Math.min(count, MAX_TICKS)));
  return t.length > 0 && t.length <= MAX_TICKS && t.every(Number.isFinite) ? t : ends(domain);
}

/** Powers of ten inside a log domain, thinned to at most `count` (default four). */
export function decadeTicks(domain: Domain, count = 4): number[] {
  if (!(domain[0] > 0) || !Number.isFinite(domain[1]) || !(domain[1] >= domain[0])) return [];
  const lo = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const hi = Math.floor(Math.log10(domain[1]) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / count));
  const out: number[] = [];
  for (let k = hi; k >= lo; k -= every) out.unshift(pow10(k));
  return out;
}

/** "10⁻³" labels of decade ticks. */
export const formatDecade = (v: number): string => `10${superscript(Math.round(Math.log10(v)))}`;
