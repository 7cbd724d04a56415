/**
 * Just enough of source map v3 to name the code behind a position in the built bundle: generated
 * (line, column) → original source, line and that line's text. dist/ is built with sourcemap: true.
 */
import { readFileSync } from 'node:fs';

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

export interface OriginalPosition {
  source: string;
  /** 1-based. */
  line: number;
  text: string;
}

interface Segment {
  col: number;
  source: number;
  line: number;
}

/** The Base64 VLQ values of one mapping segment. */
function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.get(ch);
    if (digit === undefined) throw new Error(`bad source map character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export class SourceMap {
  private readonly lines: Segment[][];
  private readonly sources: string[];
  private readonly contents: (string[] | null)[];

  constructor(file: string) {
    const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[]; mappings: string };
    this.sources = map.sources.map((s) => s.replace(/^(\.\.\/)+/, ''));
    this.contents = map.sources.map((_, i) => map.sourcesContent?.[i]?.split('\n') ?? null);
    let source = 0;
    let line = 0;
    this.lines = map.mappings.split(';').map((text) => {
      let col = 0;
      const segs: Segment[] = [];
      for (const seg of text.split(',')) {
        if (!seg) continue;
        const v = decodeVlq(seg);
        col += v[0];
        if (v.length < 4) continue;
        source += v[1];
        line += v[2];
        segs.push({ col, source, line });
      }
      return segs;
    });
  }

  /** The original position of a 0-based generated (line, column), or null when nothing maps there. */
  lookup(line: number, col: number): OriginalPosition | null {
    const segs = this.lines[line];
    if (!segs || segs.length === 0) return null;
    let lo = 0;
    let hi = segs.length - 1;
    if (segs[0].col > col) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].col <= col) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    return { source: this.sources[s.source], line: s.line + 1, text: this.contents[s.source]?.[s.line]?.trim() ?? '' };
  }
}
