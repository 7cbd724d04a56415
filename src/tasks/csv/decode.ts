/**
 * Bytes → text. UTF-8 is decoded with fatal: true, so a file saved in another encoding is reported (with a
 * guess at which one) instead of silently turning into replacement characters.
 */
import { csvMessage, type CsvMessage } from './messages.ts';

/** Encodings a user can ask for after a decoding error (names as TextDecoder knows them). */
export type CsvEncoding = 'utf-8' | 'gbk' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type Decoded = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; error: CsvMessage; suggested: CsvEncoding | null };

const ENCODING_LABEL: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  gbk: 'GBK',
  'windows-1252': 'Latin-1 (Windows-1252)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

export function encodingLabel(e: CsvEncoding): string {
  return ENCODING_LABEL[e];
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Line number (1-based) of byte `offset`: newlines before it plus one. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * GBK (the usual encoding of Chinese Windows exports) writes common characters as two bytes ≥ 0x81 in a row;
 * Latin-1 text has single accented letters between ASCII ones. Mostly pairs ⇒ GBK.
 */
function guessLegacyEncoding(bytes: Uint8Array): CsvEncoding {
  let pairs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x81) continue;
    if (bytes[i + 1] >= 0x80) {
      pairs++;
      i++;
    } else singles++;
  }
  return pairs > singles ? 'gbk' : 'windows-1252';
}

/** UTF-16 without a BOM: ASCII text then has a zero byte in every other position. */
function looksUtf16(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (n === 0) return null;
  if (oddZeros > n / 4) return 'utf-16le';
  if (evenZeros > n / 4) return 'utf-16be';
  return null;
}

/** UTF-32: a BOM, or ASCII text with three zero bytes in every four. */
function looksUtf32(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 1024) & ~3;
  if (n === 0) return false;
  let units = 0;
  for (let i = 0; i < n; i += 4) {
    const zeros = (bytes[i] === 0 ? 1 : 0) + (bytes[i + 1] === 0 ? 1 : 0) + (bytes[i + 2] === 0 ? 1 : 0) + (bytes[i + 3] === 0 ? 1 : 0);
    if (zeros === 3 && (bytes[i] !== 0 || bytes[i + 3] !== 0)) units++;
  }
  return units * 4 > (n / 4) * 3;
}

function failure(bytes: Uint8Array, encoding: CsvEncoding, offset: number): Decoded {
  return { ok: false, error: csvMessage('csv.encoding', { row: lineOf(bytes, offset), encoding: encodingLabel(encoding) }), suggested: encoding };
}

/** Offset of the first malformed UTF-8 sequence (lead/continuation structure only: enough to name the row). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

/**
 * Decodes a CSV file's bytes. A BOM (UTF-8 or UTF-16) decides the encoding and is dropped; otherwise
 * `encoding` (default UTF-8, strict). Excel workbooks are recognised by their signatures.
 */
export function decodeCsvBytes(buffer: ArrayBuffer, encoding: CsvEncoding = 'utf-8'): Decoded {
  const bytes = new Uint8Array(buffer);
  // .xlsx is a zip archive; .xls is an OLE compound file.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, error: csvMessage('csv.excelFile'), suggested: null };
  }
  // Before the UTF-16 checks: a UTF-32LE BOM starts with the UTF-16LE one, and its zeros look like UTF-16.
  if (looksUtf32(bytes)) return { ok: false, error: csvMessage('csv.utf32'), suggested: null };
  let enc = encoding;
  let skip = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [enc, skip] = ['utf-8', 3];
  else if (startsWith(bytes, [0xff, 0xfe])) [enc, skip] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [enc, skip] = ['utf-16be', 2];
  else if (enc === 'utf-8') {
    const utf16 = looksUtf16(bytes);
    if (utf16) return failure(bytes, utf16, 0);
  }
  const body = bytes.subarray(skip);
  try {
    // ignoreBOM: the BOM was handled above; a second one would be data.
    return { ok: true, text: new TextDecoder(enc, { fatal: enc === 'utf-8', ignoreBOM: true }).decode(body), encoding: enc };
  } catch {
    return failure(bytes, guessLegacyEncoding(body), skip + firstInvalidUtf8(body));
  }
}
