/**
 * The "your own CSV" flow as a pure state machine: a file is read (with progress), refused with its specific
 * message or shown with its columns; the user picks the date, input and target columns, applies the remedies
 * the validator offers, and can train once nothing blocks it. The UI (CsvUpload.tsx) only dispatches events.
 */
import type { MessageKey } from '../../i18n/i18n.ts';
import type { CsvEncoding } from '../../tasks/csv/decode.ts';
import type { CsvParseResult, CsvProgress, CsvTable } from '../../tasks/csv/parse.ts';
import type { CsvDelimiter } from '../../tasks/csv/records.ts';
import type { CsvMessage } from '../../tasks/csv/messages.ts';
import { dropMissingRows, interpolateMissing, sortByDate } from '../../tasks/csv/repair.ts';
import type { RunConfig } from '../../contracts/runConfig.ts';
import { reconcile } from '../../contracts/urlCodec.ts';
import { taskSwitchPatch } from '../../contracts/taskSwitch.ts';
import { defaultSelection, validateTable, type CsvIssue, type CsvRemedy, type CsvRequirements, type CsvSelection } from '../../tasks/csv/validate.ts';

/** A message for the user: a dictionary key and its placeholders. */
export interface FlowMessage {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** The reader's message as one of the dictionaries' keys (src/i18n/parts/csv.test.ts checks each has a text). */
export function csvText(m: CsvMessage): FlowMessage {
  return { key: m.key as MessageKey, params: m.params };
}

/** How the file is read again after a failure (the user's answer to the message). */
export interface ReadOptions {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
}

export type CsvFlow =
  | { phase: 'idle' }
  /** `bytes`: the file's size, shown while reading (with a warning above LARGE_FILE_BYTES). */
  | { phase: 'reading'; fileName: string; bytes: number; rows: number; fraction: number }
  | { phase: 'failed'; fileName: string; error: FlowMessage; suggestedEncoding: CsvEncoding | null; canChooseDelimiter: boolean }
  | {
      phase: 'loaded';
      fileName: string;
      table: CsvTable;
      /** null when the table has no numeric column (the issues say so). */
      selection: CsvSelection | null;
      issues: CsvIssue[];
      /** What the remedies did so far, for the user to see. */
      notes: FlowMessage[];
    };

export type CsvFlowEvent =
  | { type: 'read'; fileName: string; bytes: number }
  /** The user stopped reading: back to the empty dialog. */
  | { type: 'cancelled' }
  | { type: 'progress'; progress: CsvProgress }
  | { type: 'parsed'; result: CsvParseResult }
  /** The parser itself failed (not the file): a bug or a worker that could not start. */
  | { type: 'crashed'; message: string }
  | { type: 'select'; patch: Partial<CsvSelection> }
  | { type: 'remedy'; remedy: CsvRemedy }
  | { type: 'requirements' }
  | { type: 'clear' };

export const IDLE: CsvFlow = { phase: 'idle' };

/**
 * Above this size a file takes many seconds to read (about 2 s per 10 MB on a modest laptop) and its table
 * may not be kept for a reload: the dialog says so up front and offers Cancel.
 */
export const LARGE_FILE_BYTES = 50 * 1024 * 1024;

/** "23.4 MB": a file size for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Failures where choosing the separator by hand is the way out. */
const DELIMITER_ERRORS: ReadonlySet<string> = new Set(['csv.delimiterAmbiguous', 'csv.delimiterMismatch', 'csv.delimiterNotFound']);

/** Columns the task will read: the inputs and the target. */
function usedColumns(selection: CsvSelection): string[] {
  return [...new Set([selection.target, ...selection.features])];
}

function loaded(fileName: string, table: CsvTable, selection: CsvSelection | null, req: CsvRequirements, notes: FlowMessage[]): CsvFlow {
  return { phase: 'loaded', fileName, table, selection, issues: validateTable(table, selection, req), notes };
}

/** A selection that still fits the columns: the target is always an input, never the date column. */
export function normaliseSelection(s: CsvSelection): CsvSelection {
  const dateColumn = s.dateColumn === s.target ? null : s.dateColumn;
  const features = [s.target, ...s.features.filter((f) => f !== s.target && f !== dateColumn)];
  return { dateColumn, features, target: s.target };
}

function applyRemedy(table: CsvTable, selection: CsvSelection, remedy: CsvRemedy): { table: CsvTable; note: FlowMessage } {
  switch (remedy) {
    case 'dropRows': {
      const r = dropMissingRows(table, usedColumns(selection));
      return { table: r.table, note: { key: 'csvUi.note.dropped', params: { count: r.dropped } } };
    }
    case 'interpolate': {
      const r = interpolateMissing(table, usedColumns(selection));
      return { table: r.table, note: { key: 'csvUi.note.interpolated', params: { count: r.filled } } };
    }
    case 'sortByDate':
      return { table: sortByDate(table, selection.dateColumn!), note: { key: 'csvUi.note.sorted', params: { column: selection.dateColumn! } } };
  }
}

/** The next state; `req` is what the current run needs of the data (window, horizon, split). */
export function csvFlowReducer(state: CsvFlow, event: CsvFlowEvent, req: CsvRequirements): CsvFlow {
  switch (event.type) {
    case 'read':
      return { phase: 'reading', fileName: event.fileName, bytes: event.bytes, rows: 0, fraction: 0 };
    case 'cancelled':
      return state.phase === 'reading' ? IDLE : state;
    case 'progress':
      return state.phase === 'reading' ? { ...state, rows: event.progress.rows, fraction: event.progress.fraction } : state;
    case 'parsed': {
      if (state.phase !== 'reading') return state;
      const r = event.result;
      if (!r.ok) {
        return { phase: 'failed', fileName: state.fileName, error: csvText(r.error), suggestedEncoding: r.suggestedEncoding, canChooseDelimiter: DELIMITER_ERRORS.has(r.error.key) };
      }
      return loaded(state.fileName, r.table, defaultSelection(r.table), req, []);
    }
    case 'crashed':
      if (state.phase !== 'reading') return state;
      return { phase: 'failed', fileName: state.fileName, error: { key: 'csvUi.crashed', params: { message: event.message } }, suggestedEncoding: null, canChooseDelimiter: false };
    case 'select': {
      if (state.phase !== 'loaded' || !state.selection) return state;
      return loaded(state.fileName, state.table, normaliseSelection({ ...state.selection, ...event.patch }), req, state.notes);
    }
    case 'remedy': {
      if (state.phase !== 'loaded' || !state.selection) return state;
      if (event.remedy === 'sortByDate' && state.selection.dateColumn === null) return state;
      const { table, note } = applyRemedy(state.table, state.selection, event.remedy);
      return loaded(state.fileName, table, state.selection, req, [...state.notes, note]);
    }
    case 'requirements':
      return state.phase === 'loaded' ? loaded(state.fileName, state.table, state.selection, req, state.notes) : state;
    case 'clear':
      return IDLE;
  }
}

/** Nothing blocks training: a selection and no error among the issues. */
export function canTrain(state: CsvFlow): state is Extract<CsvFlow, { phase: 'loaded' }> & { selection: CsvSelection } {
  return state.phase === 'loaded' && state.selection !== null && !state.issues.some((i) => i.severity === 'error');
}

/** Column names usable in RunConfig.features (a comma-separated list in the URL). */
export function listableColumn(name: string): boolean {
  return !name.includes(',');
}

/** The config a CSV run would have: switching from another task starts from the forecast defaults (window 10). */
function csvBaseConfig(config: RunConfig): RunConfig {
  return { ...config, ...taskSwitchPatch(config, 'csv') };
}

/** What that run asks of the data: a window of seqLen, the horizon, the training split. */
export function csvRequirements(config: RunConfig): CsvRequirements {
  const c = csvBaseConfig(config);
  return { window: c.seqLen, horizon: c.horizon, trainFraction: c.trainFraction };
}

/** The run for the selection: the target, and the other inputs as extra features (a list in the URL). */
export function csvRunConfig(config: RunConfig, selection: CsvSelection): RunConfig {
  const extra = selection.features.filter((f) => f !== selection.target);
  return reconcile({ ...csvBaseConfig(config), target: selection.target, features: extra.join(',') }).config;
}

/** The first rows of a (possibly repaired) table as text, header first: a number column shows its numbers, an unreadable cell as written. */
export function previewRows(table: CsvTable, n: number): string[][] {
  const rows: string[][] = [table.columns.map((c) => c.name)];
  const invalid = table.columns.map((c) => new Map(c.invalid.map((b) => [b.index, b.value])));
  for (let r = 0; r < Math.min(n, table.rowCount); r++) {
    rows.push(
      table.columns.map((c, k) => {
        if (c.raw) return c.raw[r] ?? '';
        const v = c.values?.[r] ?? NaN;
        return Number.isNaN(v) ? (invalid[k].get(r) ?? '') : String(v);
      }),
    );
  }
  return rows;
}
