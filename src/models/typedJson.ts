/**
 * JSON that keeps typed arrays and non-finite numbers exactly: a Float64Array / Float32Array / Int32Array
 * becomes {"$f64": base64} / {"$f32": base64} / {"$i32": base64} of its little-endian bytes (NaN marks a missing CSV cell, which plain
 * JSON would turn into null). Everything else is ordinary JSON.
 */

const F64 = '$f64';
const F32 = '$f32';
const I32 = '$i32';
/** Bytes per value of each typed-array key. */
const SIZES: Record<string, number> = { [F64]: 8, [F32]: 4, [I32]: 4 };

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

function fromBase64(text: string, what: string): Uint8Array {
  let s: string;
  try {
    s = atob(text);
  } catch {
    throw new Error(`${what} is not valid base64`);
  }
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Little-endian bytes of a typed array, whatever the platform's byte order. */
function leBytes(a: Float64Array | Float32Array | Int32Array): Uint8Array {
  const size = a.BYTES_PER_ELEMENT;
  const out = new Uint8Array(a.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) {
    if (a instanceof Float64Array) view.setFloat64(i * size, a[i], true);
    else if (a instanceof Float32Array) view.setFloat32(i * size, a[i], true);
    else view.setInt32(i * size, a[i], true);
  }
  return out;
}

export function stringifyTyped(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float64Array) return { [F64]: toBase64(leBytes(v)) };
    if (v instanceof Float32Array) return { [F32]: toBase64(leBytes(v)) };
    if (v instanceof Int32Array) return { [I32]: toBase64(leBytes(v)) };
    return v;
  });
}

export function parseTyped(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    if (keys.length !== 1 || !(keys[0] in SIZES)) return v;
    const encoded = (v as Record<string, unknown>)[keys[0]];
    if (typeof encoded !== 'string') throw new Error(`${keys[0]} must hold a base64 string`);
    const bytes = fromBase64(encoded, keys[0]);
    const size = SIZES[keys[0]];
    if (bytes.length % size !== 0) throw new Error(`${keys[0]} holds ${bytes.length} bytes, not a multiple of ${size}`);
    const view = new DataView(bytes.buffer);
    const length = bytes.length / size;
    if (keys[0] === F64) return Float64Array.from({ length }, (_, i) => view.getFloat64(8 * i, true));
    if (keys[0] === F32) return Float32Array.from({ length }, (_, i) => view.getFloat32(4 * i, true));
    return Int32Array.from({ length }, (_, i) => view.getInt32(4 * i, true));
  });
}
