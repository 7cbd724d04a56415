/**
 * JSON as Python's json.dump writes it by default (allow_nan=True): the standard grammar plus the tokens NaN,
 * Infinity and -Infinity, which become the numbers they name, so a model with a diverged weight gets the
 * "non-finite value in tensor X" message rather than a syntax error; a UTF-8 byte-order mark is skipped.
 * One linear scan before JSON.parse builds anything refuses what JSON.parse would mishandle: nesting deeper
 * than JSON_LIMITS.maxDepth (a million nested arrays overflow the stack later) and repeated keys (JSON.parse
 * silently keeps the last one).
 */
import { InteropError } from './errors.ts';

const JSON_LIMITS = { maxDepth: 64 } as const;

const BACKSLASH = 92;

/** Index just past the string literal that opens at `start`, or −1 if it is never closed. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    let slashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/**
 * Stand-ins JSON.parse can read. Only an escaped NUL could spell one in a file, and a string is refused as a
 * tensor value anyway, so the verdict on such a file does not change.
 */
const STANDIN: Record<string, number> = { '\u0000NaN': NaN, '\u0000Infinity': Infinity, '\u0000-Infinity': -Infinity };

interface Token {
  at: number;
  text: string;
}

/**
 * Parses `text`; `what` names the file in errors. With `allowNonFinite` false (a format that forbids them,
 * like a safetensors header) NaN and Infinity stay syntax errors.
 */
export function parsePythonJson(text: string, what: string, allowNonFinite = true): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tokens = scan(body, what, allowNonFinite);
  let source = body;
  if (tokens.length > 0) {
    const parts: string[] = [];
    let from = 0;
    for (const t of tokens) {
      parts.push(body.slice(from, t.at), JSON.stringify(`\u0000${t.text}`));
      from = t.at + t.text.length;
    }
    parts.push(body.slice(from));
    source = parts.join('');
  }
  try {
    return tokens.length === 0
      ? JSON.parse(source)
      : JSON.parse(source, (_key, v: unknown) => (typeof v === 'string' && v.charCodeAt(0) === 0 && v in STANDIN ? STANDIN[v] : v));
  } catch (e) {
    throw new InteropError('json.syntax', `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Depth and repeated keys checked; the positions of NaN / Infinity / -Infinity tokens returned. */
function scan(text: string, what: string, allowNonFinite: boolean): Token[] {
  const tokens: Token[] = [];
  // One entry per open bracket: the keys seen so far in an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      // An unterminated string or a bad escape: JSON.parse will say where.
      if (end < 0) return tokens;
      if (expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          return tokens;
        }
        const keys = open[open.length - 1] as Set<string>;
        if (keys.has(key)) throw new InteropError('json.duplicateKey', `${what} has the key ${JSON.stringify(key.length > 80 ? `${key.slice(0, 79)}…` : key)} twice`);
        keys.add(key);
        expectKey = false;
      }
      i = end - 1;
    } else if (c === '{' || c === '[') {
      open.push(c === '{' ? new Set() : null);
      expectKey = c === '{';
      if (open.length > JSON_LIMITS.maxDepth) {
        throw new InteropError('json.tooDeep', `${what} nests arrays or objects more than ${JSON_LIMITS.maxDepth} deep (at character ${i})`);
      }
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = open.length > 0 && open[open.length - 1] !== null;
    } else if (allowNonFinite && (c === 'N' || c === 'I')) {
      const word = c === 'N' ? 'NaN' : 'Infinity';
      if (text.startsWith(word, i)) {
        const negative = c === 'I' && text[i - 1] === '-';
        tokens.push(negative ? { at: i - 1, text: `-${word}` } : { at: i, text: word });
        i += word.length - 1;
      }
    }
  }
  return tokens;
}
