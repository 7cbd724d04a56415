/** Strings of the term explanations, the weight-notation note and the glossary's focus on one term. */
export const JARGON_EN = {
  'term.more': 'Click for the glossary',
  'term.open': 'Open the glossary at “{term}”',
  'cell.notation': 'Weights in PyTorch’s notation ({weights});',
  'cell.notationLink': 'other notations',
};

export const JARGON_ZH: Record<keyof typeof JARGON_EN, string> = {
  'term.more': '点击查看术语表',
  'term.open': '在术语表中查看“{term}”',
  'cell.notation': '权重采用 PyTorch 的记号（{weights}）；',
  'cell.notationLink': '其他记号',
};
