/** Strings of the charts' chance line, the predictions' input strip, the heatmap legend and the race axis (English and 简体中文, the same keys). */
export const CHART_FIXES_EN = {
  'chart.chance': 'chance: ln {k} = {value}',
  'pred.inputStrip': 'input x_t (what the network reads)',
  'pred.inputAria': 'The probe sequence’s input over the timesteps',
  'heat.legendUnit': 'selected unit',
  'heat.legendTimestep': 'current timestep',
  'compare.racerStep': 'step {step}',
};

export const CHART_FIXES_ZH: Record<keyof typeof CHART_FIXES_EN, string> = {
  'chart.chance': '随机猜测水平：ln {k} = {value}',
  'pred.inputStrip': '输入 x_t（网络读入的序列）',
  'pred.inputAria': '探针序列各时间步的输入',
  'heat.legendUnit': '选中的单元',
  'heat.legendTimestep': '当前时间步',
  'compare.racerStep': '第 {step} 步',
};
