/**
 * User-facing CSV messages as keys + parameters, so the UI translates them. These two dictionaries are meant
 * to be merged into src/i18n/en.ts and zh.ts (same keys, same {placeholders}); translate() fills them.
 */

export const CSV_MESSAGES_EN = {
  // fatal: the file cannot be read as a table
  'csv.empty': 'The file is empty.',
  'csv.excelFile': 'This is an Excel workbook, not a CSV file. In Excel choose File › Save As › “CSV UTF-8”, then load that file.',
  'csv.encoding':
    'The file is not UTF-8 text (first unreadable byte on row {row}); it looks like {encoding}. Save it as “CSV UTF-8”, or read it as {encoding}.',
  'csv.unterminatedQuote': 'A quoted value that starts on row {row} is never closed: a " is missing.',
  'csv.delimiterNotFound':
    'No column separator found: every row is a single value. Separate the values with commas, semicolons, tabs or |.',
  'csv.delimiterAmbiguous': 'The column separator is ambiguous: {candidates} each split every row evenly. Choose the separator.',
  'csv.delimiterMismatch': 'With the separator {given} every row is a single value; the file seems to use {suggested}.',
  'csv.raggedRow':
    'Row {row} has {found} values but the header has {expected}. Is there an unquoted separator or a decimal comma inside a value?',
  // problems with the data a task would use
  'csv.headerOnly': 'The file has a header row but no data rows.',
  'csv.noNumericColumns': 'No column holds numbers, so there is nothing to train on.',
  'csv.columnMissing': 'There is no column named “{column}”.',
  'csv.nonNumericCell': 'Row {row}, column “{column}”: “{value}” is not a number ({count} such cells in this column).',
  'csv.missingValues': '{count} missing values in {columns} (the first on row {row}). Drop those rows or fill them by linear interpolation.',
  'csv.invalidDate': 'Row {row}, column “{column}”: “{value}” is not a date ({count} such cells).',
  'csv.duplicateDates': 'The date {date} appears more than once: rows {rows}.',
  'csv.unsortedDates': 'The dates are out of order: row {row} ({date}) is earlier than row {previousRow} above it ({previousDate}).',
  'csv.tooFewRows':
    '{rows} data rows are too few for a window of {window} and a horizon of {horizon}: at least {needed} are needed with a {train}% training split.',
  // warnings: the data are usable
  'csv.noHeader': 'The first row holds numbers, so it was read as data and the columns were named “column 1”, “column 2”, …',
  'csv.decimalComma': 'Decimal commas were read as decimal points in {columns}.',
  'csv.constantColumn': 'Column “{column}” has the same value in every row, so it carries no information.',
  // remedies the UI offers as buttons
  'csv.remedy.dropRows': 'Drop rows with missing values',
  'csv.remedy.interpolate': 'Fill by linear interpolation',
  'csv.remedy.sortByDate': 'Sort rows by date',
  'csv.remedy.readAs': 'Read as {encoding}',
  // progress and column types (preview)
  'csv.progress': 'Reading… {rows} rows',
  'csv.type.numeric': 'number',
  'csv.type.date': 'date',
  'csv.type.text': 'text',
  'csv.type.empty': 'empty',
} as const;

export type CsvMessageKey = keyof typeof CSV_MESSAGES_EN;

export const CSV_MESSAGES_ZH: Record<CsvMessageKey, string> = {
  'csv.empty': '文件是空的。',
  'csv.excelFile': '这是 Excel 工作簿，不是 CSV 文件。请在 Excel 中选择“文件 › 另存为 › CSV UTF-8”，再载入该文件。',
  'csv.encoding': '文件不是 UTF-8 文本（第 {row} 行有无法读取的字节），看起来是 {encoding} 编码。请另存为“CSV UTF-8”，或按 {encoding} 读取。',
  'csv.unterminatedQuote': '从第 {row} 行开始的带引号的值没有结束：缺少一个 "。',
  'csv.delimiterNotFound': '找不到列分隔符：每一行都只有一个值。请用逗号、分号、制表符或 | 分隔各值。',
  'csv.delimiterAmbiguous': '列分隔符不明确：{candidates} 都能把每一行均匀地分开。请选择分隔符。',
  'csv.delimiterMismatch': '用分隔符 {given} 时每一行都只有一个值；该文件似乎使用 {suggested}。',
  'csv.raggedRow': '第 {row} 行有 {found} 个值，但表头有 {expected} 个。值里是否有未加引号的分隔符或小数逗号？',
  'csv.headerOnly': '文件只有表头，没有数据行。',
  'csv.noNumericColumns': '没有任何一列是数字，因此无法训练。',
  'csv.columnMissing': '没有名为“{column}”的列。',
  'csv.nonNumericCell': '第 {row} 行“{column}”列：“{value}”不是数字（该列共有 {count} 个这样的单元格）。',
  'csv.missingValues': '{columns} 中有 {count} 个缺失值（第一个在第 {row} 行）。可删除这些行，或用线性插值填补。',
  'csv.invalidDate': '第 {row} 行“{column}”列：“{value}”不是日期（共 {count} 个这样的单元格）。',
  'csv.duplicateDates': '日期 {date} 出现了不止一次：第 {rows} 行。',
  'csv.unsortedDates': '日期顺序错误：第 {row} 行（{date}）早于它上面的第 {previousRow} 行（{previousDate}）。',
  'csv.tooFewRows': '{rows} 行数据太少：窗口长度 {window}、预测步长 {horizon}、训练集占 {train}% 时，至少需要 {needed} 行。',
  'csv.noHeader': '第一行是数字，因此按数据读取，各列命名为“column 1”“column 2”……',
  'csv.decimalComma': '{columns} 中的小数逗号已按小数点读取。',
  'csv.constantColumn': '“{column}”列每一行的值都相同，不含任何信息。',
  'csv.remedy.dropRows': '删除有缺失值的行',
  'csv.remedy.interpolate': '用线性插值填补',
  'csv.remedy.sortByDate': '按日期排序',
  'csv.remedy.readAs': '按 {encoding} 读取',
  'csv.progress': '正在读取… {rows} 行',
  'csv.type.numeric': '数字',
  'csv.type.date': '日期',
  'csv.type.text': '文本',
  'csv.type.empty': '空',
};

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
