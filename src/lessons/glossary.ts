/**
 * The glossary: each term in both languages, its symbol, and the other names the tutorials and tools use for
 * it (readers meet the same idea under several names; saying so avoids the confusion).
 */
import { JARGON } from './jargon.ts';
import type { Bilingual } from './types.ts';

export interface GlossaryEntry {
  id: string;
  term: Bilingual;
  symbol: string;
  /** Other names, as written (either language). */
  aka: readonly string[];
  note?: Bilingual;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'timestep', term: { en: 'timestep', zh: '时间步' }, symbol: 't = 1…T', aka: ['time step', '时间节点', '时刻'] },
  { id: 'input', term: { en: 'input', zh: '输入' }, symbol: 'x_t', aka: ['特征数据', 'feature'] },
  { id: 'hidden', term: { en: 'hidden state', zh: '隐藏状态' }, symbol: 'h_t', aka: ['隐藏层输出', 'output of the cell', 'a_t'] },
  { id: 'cell', term: { en: 'cell state', zh: '细胞状态' }, symbol: 'c_t', aka: ['单元状态', '记忆单元', 'memory cell', 'C_t'] },
  {
    id: 'forget', term: { en: 'forget gate', zh: '遗忘门' }, symbol: 'f_t = σ(W_if x_t + W_hf h_{t−1} + b_f)', aka: [],
  },
  {
    id: 'inputGate', term: { en: 'input gate', zh: '输入门' }, symbol: 'i_t = σ(W_ii x_t + W_hi h_{t−1} + b_i)', aka: ['更新门 (in one tutorial)'],
    note: {
      en: 'One tutorial calls the LSTM input gate 更新门 (update gate). In most texts 更新门 is the GRU’s update gate z_t, a different thing.',
      zh: '有一篇教程把 LSTM 的输入门叫作“更新门”。大多数资料里“更新门”指的是 GRU 的更新门 z_t，两者不是一回事。',
    },
  },
  { id: 'candidate', term: { en: 'candidate', zh: '候选值' }, symbol: 'g_t = tanh(W_ig x_t + W_hg h_{t−1} + b_g)', aka: ['候选细胞状态', '输入结点', 'C̃_t', 'cell input'] },
  { id: 'outputGate', term: { en: 'output gate', zh: '输出门' }, symbol: 'o_t = σ(W_io x_t + W_ho h_{t−1} + b_o)', aka: [] },
  { id: 'cellUpdate', term: { en: 'cell update', zh: '细胞状态更新' }, symbol: 'c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t', aka: ['⊙ = 按元素相乘', 'Hadamard product'] },
  { id: 'hiddenOut', term: { en: 'hidden output', zh: '隐藏状态输出' }, symbol: 'h_t = o_t ⊙ tanh(c_t)', aka: ['LSTM 单元的输出'] },
  { id: 'weights', term: { en: 'shared weights', zh: '权重共享' }, symbol: 'W_ih, W_hh, b', aka: ['权值共享', 'U, W, V', 'weight_ih_l0, weight_hh_l0'] },
  { id: 'unrolled', term: { en: 'unrolled network', zh: '按时间展开' }, symbol: 'copy per t', aka: ['展开图', 'unfolded in time'] },
  { id: 'loss', term: { en: 'loss', zh: '损失' }, symbol: 'L', aka: ['损失函数', '误差', 'cost'] },
  { id: 'gradient', term: { en: 'gradient', zh: '梯度' }, symbol: '∂L/∂W', aka: ['偏导数'] },
  { id: 'delta', term: { en: 'error term', zh: '误差项 δ' }, symbol: 'δ_t = ∂L/∂h_t', aka: ['误差项', 'delta'] },
  { id: 'bptt', term: { en: 'backpropagation through time', zh: '沿时间反向传播' }, symbol: 'BPTT', aka: ['反向传播', 'backprop'] },
  { id: 'gradSum', term: { en: 'gradient as a sum over time', zh: '梯度是各时刻梯度之和' }, symbol: '∂L/∂W = Σ_t ∂L/∂W|_t', aka: ['各个时刻的梯度之和'] },
  { id: 'vanishing', term: { en: 'vanishing gradient', zh: '梯度消失' }, symbol: '‖δ_1‖ ≪ ‖δ_T‖', aka: ['vanishing gradient problem'] },
  { id: 'exploding', term: { en: 'exploding gradient', zh: '梯度爆炸' }, symbol: '‖δ_1‖ ≫ ‖δ_T‖', aka: ['exploding gradient problem'] },
  { id: 'clipping', term: { en: 'gradient clipping', zh: '梯度裁剪' }, symbol: 'clip_grad_norm_', aka: ['GradientThreshold (MATLAB)'] },
  { id: 'gradCheck', term: { en: 'gradient check', zh: '梯度检查' }, symbol: '(L(θ+ε) − L(θ−ε)) / 2ε', aka: ['数值梯度检验', 'numeric gradient'] },
  { id: 'sigmoid', term: { en: 'sigmoid', zh: 'sigmoid 函数' }, symbol: 'σ(x) = 1 / (1 + e^{−x})', aka: ['S 型函数', 'logistic'] },
  { id: 'tanh', term: { en: 'hyperbolic tangent', zh: '双曲正切' }, symbol: 'tanh(x)', aka: ['tanh 函数'] },
  { id: 'hardSigmoid', term: { en: 'hard sigmoid', zh: '硬 sigmoid' }, symbol: 'clip(0.2x + 0.5, 0, 1)', aka: ["GateActivationFunction='hard-sigmoid' (MATLAB)"] },
  { id: 'softsign', term: { en: 'softsign', zh: 'softsign 函数' }, symbol: 'x / (1 + |x|)', aka: ["StateActivationFunction='softsign' (MATLAB)"] },
  { id: 'forgetBias', term: { en: 'forget-gate bias', zh: '遗忘门偏置' }, symbol: 'b_f = 1', aka: ['unit forget bias'] },
  { id: 'gru', term: { en: 'gated recurrent unit', zh: '门控循环单元' }, symbol: 'GRU', aka: [] },
  { id: 'reset', term: { en: 'reset gate', zh: '重置门' }, symbol: 'r_t', aka: [] },
  { id: 'update', term: { en: 'update gate', zh: '更新门' }, symbol: 'z_t;  h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}', aka: ['not the LSTM input gate'] },
  { id: 'stacked', term: { en: 'stacked layers', zh: '多层堆叠' }, symbol: 'num_layers', aka: ['nn.LSTM(num_layers=2)', '深层 LSTM'] },
  { id: 'head', term: { en: 'dense head', zh: '全连接层' }, symbol: 'y = W h + b', aka: ['nn.Linear', 'fullyConnectedLayer', 'FC 层'] },
  { id: 'outputMode', term: { en: 'output mode', zh: '输出方式' }, symbol: 'last / sequence', aka: ['out[:, -1, :]', "OutputMode='last'", "OutputMode='sequence'"] },
  { id: 'window', term: { en: 'sliding window', zh: '滑动窗口' }, symbol: 'x_{k…k+N−1} → x_{k+N}', aka: ['时间窗', 'lookback'] },
  { id: 'minmax', term: { en: 'min-max scaling', zh: '最小-最大归一化' }, symbol: '(x − min) / (max − min)', aka: ['MinMaxScaler', '归一化', 'mapminmax'] },
  ...Object.values(JARGON),
];
