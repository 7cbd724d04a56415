/** Strings of the error boundaries and of the offer to start without restored data (en; zh below, same keys). */
export const RESILIENCE_EN = {
  'boundary.panel': 'This panel hit an error',
  'boundary.app': 'LSTM Lens hit an error',
  'boundary.hint': 'The rest of the page keeps working. Retry draws it again.',
  'boundary.appHint': 'Retry draws the page again; reloading starts it afresh.',
  'boundary.retry': 'Retry',
  'restore.failed': 'The table “{name}” restored from your last visit made this run fail.',
  'restore.advice': 'Start without it: the stored table is removed from this browser and the first-load demo opens (you can upload the file again).',
  'restore.startFresh': 'Start without it',
};

export const RESILIENCE_ZH: Record<keyof typeof RESILIENCE_EN, string> = {
  'boundary.panel': '此面板出错了',
  'boundary.app': 'LSTM 透镜出错了',
  'boundary.hint': '页面其余部分仍可正常使用。点击“重试”重新绘制此面板。',
  'boundary.appHint': '点击“重试”重新绘制页面；重新加载则从头开始。',
  'boundary.retry': '重试',
  'restore.failed': '从上次访问恢复的表格“{name}”使本次运行失败。',
  'restore.advice': '不使用它重新开始：已保存的表格将从此浏览器中删除，并打开首次加载时的演示（之后可以重新上传该文件）。',
  'restore.startFresh': '不使用它，重新开始',
};
