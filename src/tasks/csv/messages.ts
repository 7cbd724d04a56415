/**
 * User-facing CSV messages as keys + parameters, so the UI translates them: the texts live in the dictionaries
 * (src/i18n/parts/csv.ts), which this layer does not import; a test checks every key used here has a text.
 */

/** A key of the CSV texts in the dictionaries. */
export type CsvMessageKey = `csv.${string}`;

export type CsvParams = Record<string, string | number>;

/** A message for the user: a key of the dictionaries above and the values of its placeholders. */
export interface CsvMessage {
  key: CsvMessageKey;
  params: CsvParams;
}

export function csvMessage(key: CsvMessageKey, params: CsvParams = {}): CsvMessage {
  return { key, params };
}

/** A cell value quoted in a message: long values are cut so the message stays readable. */
export function quoteValue(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
