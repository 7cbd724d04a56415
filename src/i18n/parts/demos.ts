/**
 * Strings of the demonstrations' key frames, the clipping read-out, one-setting comparisons and the honest
 * forecasting note (English and 简体中文, the same keys).
 */
export const DEMOS_EN = {
  'demo.refStart': 'at step {step}',
  'demo.refLastFinite': 'last finite picture, step {step}',
  'demo.keyStart': 'Drawn faintly: the picture at step {step}, the point of this demonstration — ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = {ratio} ({factor} per step back).',
  'demo.keyLastFinite': 'Training overflowed; shown instead: the last finite picture (step {step}) — ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = {ratio} ({factor} per step back).',
  'demo.keyLive': 'At step {step}: ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = {ratio} ({factor} per step back).',
  'demo.compareKey': 'faint: at step {step}',
  'demo.compareKeyRatio': 'at step {step}: {ratio}',
  'variant.label': '{field} = {value}',
  'variant.setLabel': '{field}: {values}',
  'variant.versus': ' vs ',
  'variant.on': 'on',
  'variant.off': 'off',
  'variant.asInitialised': 'as initialised',
  'clip.atStep': 'Step {step}:',
  'clip.none': 'No clipping: every update uses the whole gradient (on this sequence ‖∂L_T/∂θ‖ = {norm}).',
  'clip.normAbove': 'Clipping by norm: on this sequence ‖∂L_T/∂θ‖ = {norm}, above the threshold {c}, so every term is scaled by {scale}: the gradient keeps its shape, and the step taken is held to length {c}.',
  'clip.normBelow': 'Clipping by norm: on this sequence ‖∂L_T/∂θ‖ = {norm}, below the threshold {c}, so clipping leaves the update alone.',
  'clip.value': 'Clipping by value: each entry of the gradient is cut to ±{c} (on this sequence ‖∂L_T/∂θ‖ = {norm}).',
};

export const DEMOS_ZH: { [K in keyof typeof DEMOS_EN]: string } = {
  'demo.refStart': '第 {step} 步',
  'demo.refLastFinite': '最后一幅有限的图，第 {step} 步',
  'demo.keyStart': '淡色曲线：第 {step} 步时的图，也就是这个演示要说明的画面 —— ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = {ratio}（每往回一个时间步 {factor}）。',
  'demo.keyLastFinite': '训练溢出了；这里显示的是溢出前最后一幅有限的图（第 {step} 步）—— ‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = {ratio}（每往回一个时间步 {factor}）。',
  'demo.keyLive': '第 {step} 步：‖∂L_T/∂h_1‖ ÷ ‖∂L_T/∂h_T‖ = {ratio}（每往回一个时间步 {factor}）。',
  'demo.compareKey': '淡色：第 {step} 步',
  'demo.compareKeyRatio': '第 {step} 步时：{ratio}',
  'variant.label': '{field} = {value}',
  'variant.setLabel': '{field}：{values}',
  'variant.versus': ' 对 ',
  'variant.on': '开',
  'variant.off': '关',
  'variant.asInitialised': '保持初始化的值',
  'clip.atStep': '第 {step} 步：',
  'clip.none': '未裁剪：每次更新都使用完整的梯度（在这条序列上 ‖∂L_T/∂θ‖ = {norm}）。',
  'clip.normAbove': '按范数裁剪：在这条序列上 ‖∂L_T/∂θ‖ = {norm}，超过阈值 {c}，所以每一项都乘以 {scale}：梯度的形状不变，实际迈出的一步长度被限制在 {c}。',
  'clip.normBelow': '按范数裁剪：在这条序列上 ‖∂L_T/∂θ‖ = {norm}，低于阈值 {c}，裁剪不改变这次更新。',
  'clip.value': '按值裁剪：梯度的每个分量都被截断到 ±{c}（在这条序列上 ‖∂L_T/∂θ‖ = {norm}）。',
};
