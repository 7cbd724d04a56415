/**
 * A value with its typed arrays gathered into a few ArrayBuffers ("chunks"), for IndexedDB: storing a session
 * clones it on the page's thread, and a structured clone of a few hundred small typed arrays, or of megabytes
 * in one go, is a long task (a run's autosave took 100–200 ms). Chunks are made one at a time, so the caller
 * can store each in its own task. An array referenced twice is stored once and comes back as one array.
 */
type Typed = Float64Array | Float32Array | Int32Array | Uint8Array;

const KINDS = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
type Kind = keyof typeof KINDS;

/** Where a typed array went: its kind, its place in the stream of all arrays' bytes, and its length. */
interface Slot {
  kind: Kind;
  byteOffset: number;
  length: number;
}

/** The marker that stands in for a typed array in `shape`: the index of its slot. */
const SLOT_KEY = '__packedSlot';

/** Chunk size: a copy of this many bytes is a few milliseconds even on a slow laptop. */
export const CHUNK_BYTES = 128 * 1024;

/** Everything but the arrays' contents: small, cheap to clone. */
export interface PackedLayout {
  packed: 2;
  shape: unknown;
  slots: Slot[];
  chunkBytes: number[];
}

export interface PackPlan {
  layout: PackedLayout;
  /** Chunk `k` (0 ≤ k < layout.chunkBytes.length), newly allocated and filled. */
  chunk(k: number): ArrayBuffer;
}

function kindOf(v: unknown): Kind | null {
  if (v instanceof Float64Array) return 'f64';
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Int32Array) return 'i32';
  if (v instanceof Uint8Array) return 'u8';
  return null;
}

const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;

/** Lays the bytes of `value`'s arrays end to end and cuts them into chunks of `chunkBytes` (the last one shorter). */
export function planPack(value: unknown, chunkBytes = CHUNK_BYTES): PackPlan {
  const arrays: Typed[] = [];
  const index = new Map<Typed, number>();
  const walk = (v: unknown): unknown => {
    if (kindOf(v)) {
      const a = v as Typed;
      let k = index.get(a);
      if (k === undefined) {
        k = arrays.length;
        arrays.push(a);
        index.set(a, k);
      }
      return { [SLOT_KEY]: k };
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, walk(x)]));
    return v;
  };
  const shape = walk(value);
  // Each array starts on an 8-byte boundary, so one that lies within a chunk can be viewed in place.
  let total = 0;
  const slots = arrays.map((a): Slot => {
    const slot = { kind: kindOf(a)!, byteOffset: total, length: a.length };
    total += padded(a.byteLength);
    return slot;
  });
  const sizes = Array.from({ length: Math.ceil(total / chunkBytes) }, (_, c) => Math.min(chunkBytes, total - c * chunkBytes));
  const bytesOf = (a: Typed): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return {
    layout: { packed: 2, shape, slots, chunkBytes: sizes },
    chunk: (c) => {
      const from = c * chunkBytes;
      const out = new Uint8Array(sizes[c]);
      arrays.forEach((a, k) => {
        const start = slots[k].byteOffset;
        const lo = Math.max(start, from);
        const hi = Math.min(start + a.byteLength, from + sizes[c]);
        if (lo < hi) out.set(bytesOf(a).subarray(lo - start, hi - start), lo - from);
      });
      return out.buffer;
    },
  };
}

export function isPackedLayout(v: unknown): v is PackedLayout {
  const p = v as Partial<PackedLayout> | null;
  return typeof p === 'object' && p !== null && p.packed === 2 && Array.isArray(p.slots) && Array.isArray(p.chunkBytes);
}

/** The value back from its layout and chunks; throws if a chunk is missing or too short. */
export function unpackValue(layout: PackedLayout, chunks: readonly ArrayBuffer[]): unknown {
  layout.chunkBytes.forEach((bytes, c) => {
    if (!(chunks[c] instanceof ArrayBuffer) || chunks[c].byteLength !== bytes) throw new Error(`stored chunk ${c} is missing or damaged`);
  });
  const size = layout.chunkBytes[0] ?? 0;
  const arrays = layout.slots.map((s) => {
    const Ctor = KINDS[s.kind];
    const bytes = s.length * Ctor.BYTES_PER_ELEMENT;
    const c = Math.floor(s.byteOffset / size);
    if (bytes === 0 || Math.floor((s.byteOffset + bytes - 1) / size) === c) return new Ctor(chunks[c] ?? new ArrayBuffer(0), s.byteOffset - c * size, s.length);
    // An array cut across chunks is put together again.
    const out = new Uint8Array(bytes);
    for (let at = 0; at < bytes; ) {
      const g = s.byteOffset + at;
      const k = Math.floor(g / size);
      const piece = new Uint8Array(chunks[k], g - k * size, Math.min(bytes - at, size - (g - k * size)));
      out.set(piece, at);
      at += piece.length;
    }
    return new Ctor(out.buffer);
  });
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === SLOT_KEY) return arrays[(v as Record<string, number>)[SLOT_KEY]];
    return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, walk(x)]));
  };
  return walk(layout.shape);
}
