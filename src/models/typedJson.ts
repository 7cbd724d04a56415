/**
 * JSON that keeps typed arrays and non-finite numbers exactly: a Float64Array / Int32Array becomes
 * {"$f64": base64} / {"$i32": base64} of its little-endian bytes (NaN marks a missing CSV cell, which plain
 * JSON would turn into null). Everything else is ordinary JSON.
 */

const F64 = '$f64';
const I32 = '$i32';

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
function leBytes(a: Float64Array | Int32Array): Uint8Array {
  const size = a.BYTES_PER_ELEMENT;
  const out = new Uint8Array(a.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) {
    if (a instanceof Float64Array) view.setFloat64(i * size, a[i], true);
    else view.setInt32(i * size, a[i], true);
  }
  return out;
}

export function stringifyTyped(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Float64Array) return { [F64]: toBase64(leBytes(v)) };
    if (v instanceof Int32Array) return { [I32]: toBase64(leBytes(v)) };
    return v;
  });
}

export function parseTyped(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    if (keys.length !== 1 || (keys[0] !== F64 && keys[0] !== I32)) return v;
    const encoded = (v as Record<string, unknown>)[keys[0]];
    if (typeof encoded !== 'string') throw new Error(`${keys[0]} must hold a base64 string`);
    const bytes = fromBase64(encoded, keys[0]);
    const size = keys[0] === F64 ? 8 : 4;
    if (bytes.length % size !== 0) throw new Error(`${keys[0]} holds ${bytes.length} bytes, not a multiple of ${size}`);
    const view = new DataView(bytes.buffer);
    if (keys[0] === F64) return Float64Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(8 * i, true));
    return Int32Array.from({ length: bytes.length / 4 }, (_, i) => view.getInt32(4 * i, true));
  });
}
