/** The CSV reader's messages (keys made by src/tasks/csv/messages.ts), in English and Chinese. */

export const CSV_EN = {
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
  // limits and hidden causes
  'csv.utf32': 'The file is UTF-32 text, which this page does not read. Save it as “CSV UTF-8” and load that file.',
  'csv.lineTooLong':
    'Row {row} is {length} characters long; the page reads lines of at most {limit} characters. Is this really a CSV file with one record per line?',
  'csv.tooManyColumns': 'The file has {columns} columns; the page reads at most {limit}. Keep only the columns you need and load that file.',
  'csv.onlyDates': 'The file has a single column, and it holds dates: there are no values to train on. Add a column of numbers next to the dates.',
  'csv.tooLarge':
    'Row {row}, column “{column}”: {value} is too large: the page reads numbers up to ±{limit} ({count} such cells in this column). Rescale the column (e.g. to thousands or millions).',
  'csv.tooSmall':
    'Row {row}, column “{column}”: {value} is too close to zero: apart from 0 itself, the page reads numbers from {limit} up ({count} such cells in this column). Rescale the column.',
  'csv.hiddenCharacter':
    'Row {row}, column “{column}”: “{value}” contains an invisible character ({code}), so it is not read as a number or date. Remove it in the file (search and replace).',
  'csv.nameTooLong': 'The column name “{column}” is {length} characters long; a link carries names of at most {limit}. Shorten it in the file’s header.',
  'csv.inputNamesTooLong':
    'The names of the extra input columns add up to {length} characters; a link carries at most {limit}. Choose fewer inputs or shorten their names.',
  'csv.commentsSkipped': 'Skipped {count} comment lines (starting with #).',
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

type CsvTextKey = keyof typeof CSV_EN;

export const CSV_ZH: Record<CsvTextKey, string> = {
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
  'csv.utf32': '文件是 UTF-32 文本，本页面无法读取。请另存为“CSV UTF-8”，再载入该文件。',
  'csv.lineTooLong': '第 {row} 行长达 {length} 个字符；页面每行最多读取 {limit} 个字符。这真的是每行一条记录的 CSV 文件吗？',
  'csv.tooManyColumns': '文件有 {columns} 列；页面最多读取 {limit} 列。请只保留需要的列，再载入该文件。',
  'csv.onlyDates': '文件只有一列，而且是日期：没有可以训练的数值。请在日期旁边加上一列数字。',
  'csv.tooLarge': '第 {row} 行“{column}”列：{value} 太大了：页面只读取绝对值不超过 {limit} 的数（该列共有 {count} 个这样的单元格）。请先缩放该列（例如以千或百万为单位）。',
  'csv.tooSmall': '第 {row} 行“{column}”列：{value} 太接近零：除 0 本身外，页面只读取绝对值不小于 {limit} 的数（该列共有 {count} 个这样的单元格）。请先缩放该列。',
  'csv.hiddenCharacter': '第 {row} 行“{column}”列：“{value}”含有一个不可见字符（{code}），因此不能读作数字或日期。请在文件中删除它（查找并替换）。',
  'csv.nameTooLong': '列名“{column}”长达 {length} 个字符；链接中的列名最多 {limit} 个字符。请在文件表头中缩短它。',
  'csv.inputNamesTooLong': '额外输入列的名称合计 {length} 个字符；链接最多能携带 {limit} 个。请少选几列，或缩短列名。',
  'csv.commentsSkipped': '已跳过 {count} 行注释（以 # 开头）。',
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
