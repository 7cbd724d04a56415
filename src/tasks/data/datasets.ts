/**
 * The datasets bundled in public/datasets/, with what the About/credits dialog must show (licence,
 * attribution, citation) and what the task builders need to read them (columns, roles). Keep in step with
 * public/datasets/README.md; a test checks that every file parses and has the documented row count.
 */

export type DatasetId = 'airline' | 'euStocks' | 'co2' | 'occupancy' | 'shakespeare' | 'tangHant' | 'tangHans';
export type DatasetKind = 'series' | 'classification' | 'text';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface DatasetColumn {
  name: string;
  /** 'date' = the time axis (labels only); 'value' = a numeric column a task may use; 'label' = class labels. */
  role: 'date' | 'value' | 'label';
  description: Bilingual;
}

export interface DatasetInfo {
  id: DatasetId;
  /** File name inside public/datasets/. */
  file: string;
  title: Bilingual;
  kind: DatasetKind;
  /** Data rows (CSV, header excluded) or lines (text). */
  rows: number;
  /** CSV columns in file order; empty for text. */
  columns: readonly DatasetColumn[];
  /** Column a forecast predicts by default (series), or the label column (classification). */
  defaultTarget: string | null;
  /** Class names by label value 0, 1, … (classification only). */
  classes: { en: readonly string[]; zh: readonly string[] } | null;
  licence: string;
  /** Licence text that must travel with copies (the MIT notice of the poem compilation), else null. */
  licenceNotice: string | null;
  /** Whether the licence makes the credit line mandatory (CC BY) rather than a courtesy. */
  attributionRequired: boolean;
  /** The credit line shown in the app. */
  attribution: Bilingual;
  citation: string;
  /** Where the data came from (repository path and commit, or DOI). */
  source: string;
  url: string;
}

const R_SOURCE = 'wch/r-source, trunk commit 0c26529e807a9b1dd65f7324958c17bf72e1de1a';
const POEMS_SOURCE = 'chinese-poetry/chinese-poetry, 全唐诗/唐诗三百首.json, commit 99ebbef7e1345c0985c44b9fd96a3f9e776f117b';
const POEMS_LICENCE = 'Poems: public domain. Compilation: MIT, Copyright (c) 2016 JackeyGao';
const POEMS_NOTICE = `Copyright (c) 2016 JackeyGao

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;
const POEMS_CITATION = 'chinese-poetry: 最全中文诗歌古典文集数据库, https://github.com/chinese-poetry/chinese-poetry';

const col = (name: string, role: DatasetColumn['role'], en: string, zh: string): DatasetColumn => ({ name, role, description: { en, zh } });

export const DATASETS: readonly DatasetInfo[] = [
  {
    id: 'airline',
    file: 'airline_passengers_1949_1960.csv',
    title: { en: 'Airline passengers, 1949–1960 (monthly)', zh: '航空旅客人数，1949–1960（月度）' },
    kind: 'series',
    rows: 144,
    columns: [
      col('month', 'date', 'month (YYYY-MM)', '月份（YYYY-MM）'),
      col('passengers_thousands', 'value', 'international airline passengers, thousands', '国际航空旅客人数（千人）'),
    ],
    defaultTarget: 'passengers_thousands',
    classes: null,
    licence: 'GPL-2.0-or-later (R datasets package)',
    licenceNotice: null,
    attributionRequired: false,
    attribution: {
      en: "Airline passengers 1949–1960: Box, Jenkins & Reinsel, Series G, via R's datasets package (GPL ≥ 2).",
      zh: '航空旅客人数 1949–1960：Box、Jenkins 与 Reinsel 的 Series G，取自 R 的 datasets 包（GPL ≥ 2）。',
    },
    citation: 'Box, G. E. P., Jenkins, G. M. and Reinsel, G. C. (1994), Time Series Analysis, Forecasting and Control, 3rd ed., Series G.',
    source: `${R_SOURCE}, src/library/datasets/data/AirPassengers.R`,
    url: 'https://github.com/wch/r-source/blob/trunk/src/library/datasets/data/AirPassengers.R',
  },
  {
    id: 'euStocks',
    file: 'eu_stock_indices_daily_1991_1998.csv',
    title: { en: 'European stock indices, 1991–1998 (daily)', zh: '欧洲股票指数，1991–1998（日度）' },
    kind: 'series',
    rows: 1860,
    columns: [
      col('day', 'date', 'business day, 1 to 1860 (no calendar dates)', '交易日序号 1–1860（无日历日期）'),
      col('year_decimal', 'value', "R's time index (260 steps a year)", 'R 的时间索引（每年 260 步）'),
      col('dax', 'value', 'DAX (Germany), closing price', 'DAX（德国）收盘价'),
      col('smi', 'value', 'SMI (Switzerland), closing price', 'SMI（瑞士）收盘价'),
      col('cac', 'value', 'CAC (France), closing price', 'CAC（法国）收盘价'),
      col('ftse', 'value', 'FTSE (UK), closing price', 'FTSE（英国）收盘价'),
    ],
    defaultTarget: 'dax',
    classes: null,
    licence: 'GPL-2.0-or-later (R datasets package)',
    licenceNotice: null,
    attributionRequired: false,
    attribution: {
      en: "EU stock indices 1991–1998: R's datasets package (EuStockMarkets, GPL ≥ 2), data provided by Erste Bank AG, Vienna.",
      zh: '欧洲股票指数 1991–1998：R 的 datasets 包（EuStockMarkets，GPL ≥ 2），数据由维也纳 Erste Bank AG 提供。',
    },
    citation: 'R Core Team, datasets::EuStockMarkets. Data kindly provided by Erste Bank AG, Vienna, Austria.',
    source: `${R_SOURCE}, src/library/datasets/data/EuStockMarkets.R`,
    url: 'https://github.com/wch/r-source/blob/trunk/src/library/datasets/data/EuStockMarkets.R',
  },
  {
    id: 'co2',
    file: 'co2_mauna_loa_monthly.csv',
    title: { en: 'Mauna Loa CO₂, 1958–2026 (monthly)', zh: '莫纳罗亚二氧化碳浓度，1958–2026（月度）' },
    kind: 'series',
    rows: 820,
    columns: [
      col('month', 'date', 'month (YYYY-MM)', '月份（YYYY-MM）'),
      col('co2_ppm', 'value', 'monthly mean CO₂, ppm', '月平均 CO₂ 浓度（ppm）'),
      col('co2_deseasonalized_ppm', 'value', 'de-seasonalised CO₂, ppm', '去季节 CO₂ 浓度（ppm）'),
      col('days_measured', 'value', 'days with data in the month (−1 = unknown)', '当月有数据的天数（−1 = 未知）'),
    ],
    defaultTarget: 'co2_ppm',
    classes: null,
    licence: 'US public domain (NOAA); Datahub packaging PDDL-1.0',
    licenceNotice: null,
    attributionRequired: false,
    attribution: {
      en: 'Mauna Loa CO₂: NOAA Global Monitoring Laboratory and Scripps Institution of Oceanography (public domain; no endorsement implied).',
      zh: '莫纳罗亚 CO₂：美国国家海洋和大气管理局全球监测实验室与斯克里普斯海洋研究所（公有领域；不代表其认可本软件）。',
    },
    citation: 'Trends in Atmospheric Carbon Dioxide, Mauna Loa, NOAA Global Monitoring Laboratory and Scripps Institution of Oceanography.',
    source: 'NOAA GML co2_mm_mlo.txt via datasets/co2-ppm, data/co2-mm-mlo.csv, commit 146bdc608e1078d3e28e7a5d4755fdc316ffed2d',
    url: 'https://gml.noaa.gov/ccgg/trends/',
  },
  {
    id: 'occupancy',
    file: 'occupancy_detection_train.csv',
    title: { en: 'Office occupancy sensors, 2015 (per minute)', zh: '办公室占用传感器数据，2015（每分钟）' },
    kind: 'classification',
    rows: 8143,
    columns: [
      col('datetime', 'date', 'local time', '本地时间'),
      col('temperature_c', 'value', 'temperature, °C', '温度（°C）'),
      col('humidity_pct', 'value', 'relative humidity, %', '相对湿度（%）'),
      col('light_lux', 'value', 'light, lux', '光照（lux）'),
      col('co2_ppm', 'value', 'CO₂, ppm', 'CO₂（ppm）'),
      col('humidity_ratio', 'value', 'humidity ratio, kg water per kg air', '湿度比（kg 水 / kg 空气）'),
      col('occupied', 'label', 'room occupied (1) or empty (0)', '有人（1）或无人（0）'),
    ],
    defaultTarget: 'occupied',
    classes: { en: ['empty', 'occupied'], zh: ['无人', '有人'] },
    licence: 'CC BY 4.0',
    licenceNotice: null,
    attributionRequired: true,
    attribution: {
      en: 'Occupancy Detection data: Candanedo, L. M. & Feldheim, V. (2016), UCI Machine Learning Repository, CC BY 4.0. Changed: row-number column dropped, ISO timestamps, values rounded.',
      zh: '占用检测数据：Candanedo, L. M. 与 Feldheim, V.（2016），UCI 机器学习库，CC BY 4.0。改动：删除行号列、时间改为 ISO 格式、数值已舍入。',
    },
    citation:
      'Candanedo, L. M. and Feldheim, V. (2016), "Accurate occupancy detection of an office room from light, temperature, humidity and CO2 measurements using statistical learning models", Energy and Buildings 112, 28–39. Dataset: Candanedo, L. (2016), Occupancy Detection, UCI Machine Learning Repository, https://doi.org/10.24432/C5X01N.',
    source: 'LuisM78/Occupancy-detection-data, datatraining.txt, commit ba2b1d7b53a71292ff61b867d3e16f0e539c7eb6 (UCI dataset 357)',
    url: 'https://doi.org/10.24432/C5X01N',
  },
  {
    id: 'shakespeare',
    file: 'tiny_shakespeare_100k.txt',
    title: { en: 'Tiny Shakespeare (100k characters)', zh: '莎士比亚选段（10 万字符）' },
    kind: 'text',
    rows: 3921,
    columns: [],
    defaultTarget: null,
    classes: null,
    licence: 'Text: public domain. char-rnn repository: MIT',
    licenceNotice: null,
    attributionRequired: false,
    attribution: {
      en: "Tiny Shakespeare (first 100k characters), from Andrej Karpathy's char-rnn (MIT); the text is in the public domain.",
      zh: '莎士比亚选段（前 10 万字符），取自 Andrej Karpathy 的 char-rnn（MIT）；原文属公有领域。',
    },
    citation: 'Karpathy, A. (2015), char-rnn, data/tinyshakespeare/input.txt, https://github.com/karpathy/char-rnn',
    source: 'karpathy/char-rnn, data/tinyshakespeare/input.txt, commit 6f9487a6fe5b420b7ca9afb0d7c078e37c1d1b4e',
    url: 'https://github.com/karpathy/char-rnn',
  },
  {
    id: 'tangHant',
    file: 'tang_poems_zh_hant.txt',
    title: { en: 'Three Hundred Tang Poems (Traditional)', zh: '唐诗三百首（繁体）' },
    kind: 'text',
    rows: 2784,
    columns: [],
    defaultTarget: null,
    classes: null,
    licence: POEMS_LICENCE,
    licenceNotice: POEMS_NOTICE,
    attributionRequired: true,
    attribution: {
      en: 'Three Hundred Tang Poems, from the chinese-poetry project (MIT, © 2016 JackeyGao); the poems are in the public domain.',
      zh: '唐诗三百首，取自 chinese-poetry 项目（MIT，© 2016 JackeyGao）；诗作本身属公有领域。',
    },
    citation: POEMS_CITATION,
    source: POEMS_SOURCE,
    url: 'https://github.com/chinese-poetry/chinese-poetry',
  },
  {
    id: 'tangHans',
    file: 'tang_poems_zh_hans.txt',
    title: { en: 'Three Hundred Tang Poems (Simplified)', zh: '唐诗三百首（简体）' },
    kind: 'text',
    rows: 2784,
    columns: [],
    defaultTarget: null,
    classes: null,
    licence: POEMS_LICENCE,
    licenceNotice: POEMS_NOTICE,
    attributionRequired: true,
    attribution: {
      en: 'Three Hundred Tang Poems, from the chinese-poetry project (MIT, © 2016 JackeyGao), converted to Simplified characters with OpenCC; the poems are in the public domain.',
      zh: '唐诗三百首，取自 chinese-poetry 项目（MIT，© 2016 JackeyGao），经 OpenCC 转为简体；诗作本身属公有领域。',
    },
    citation: POEMS_CITATION,
    source: `${POEMS_SOURCE}; converted with opencc-js 1.4.2 (t → cn)`,
    url: 'https://github.com/chinese-poetry/chinese-poetry',
  },
];

export function datasetInfo(id: DatasetId): DatasetInfo {
  const d = DATASETS.find((x) => x.id === id);
  if (!d) throw new Error(`unknown dataset '${id}'`);
  return d;
}
