/**
 * Terms the panels and settings use without stopping to explain them. Each is a glossary entry with a one- or
 * two-sentence explanation (shown where the word appears, on hover and keyboard focus) and the words it is
 * written with in each language, so a sentence that contains it can link it.
 */
import type { GlossaryEntry } from './glossary.ts';
import type { Bilingual } from './types.ts';

export interface JargonEntry extends GlossaryEntry {
  note: Bilingual;
  /** How the term is written in the UI's sentences, per language (first match wins). */
  words: { en: readonly string[]; zh: readonly string[] };
}

export const JARGON = {
  probe: {
    id: 'probe', term: { en: 'probe sequence', zh: '探针序列' }, symbol: 'x_1 … x_T', aka: ['probe window'],
    note: {
      en: 'One fixed input sequence the page runs through the model after every update, so the panels show the same example changing as training goes on. It is not a training batch.',
      zh: '每次更新后，页面都把同一条固定的输入序列送进模型，各面板显示的就是它，这样能看到同一个例子随训练变化。它不是训练用的批次。',
    },
    words: { en: ['probe sequence', 'probe window'], zh: ['探针序列'] },
  },
  spectralNorm: {
    id: 'spectralNorm', term: { en: 'spectral norm', zh: '谱范数' }, symbol: '‖W‖₂ = σ_max(W)', aka: ['largest singular value', '最大奇异值', '2-范数'],
    note: {
      en: 'The largest factor by which a matrix can stretch a vector (its largest singular value). Below 1, multiplying by W_hh again and again shrinks the gradient; above 1 it can grow.',
      zh: '矩阵能把一个向量拉长的最大倍数（最大奇异值）。小于 1 时，反复乘 W_hh 会让梯度越来越小；大于 1 时梯度可能越来越大。',
    },
    words: { en: ['spectral norm', 'Spectral norm'], zh: ['谱范数'] },
  },
  jacobian: {
    id: 'jacobian', term: { en: 'Jacobian', zh: '雅可比矩阵' }, symbol: '∂h_t/∂h_{t−1}', aka: ['Jacobian matrix', '雅可比'],
    note: {
      en: 'The matrix of how much each unit of hₜ changes when each unit of hₜ₋₁ changes. Backpropagation multiplies the gradient by one of them per step back in time.',
      zh: '表示 hₜ₋₁ 的每个单元变化时 hₜ 的每个单元变化多少的矩阵。反向传播每往回走一个时间步，就把梯度乘上一个这样的矩阵。',
    },
    words: { en: ['Jacobian'], zh: ['雅可比矩阵'] },
  },
  diagSlope: {
    id: 'diagSlope', term: { en: 'diag(φ′)', zh: 'diag(φ′)（斜率对角矩阵）' }, symbol: 'diag(φ′(a_t))', aka: ['activation slope', '激活函数的导数'],
    note: {
      en: 'A diagonal matrix holding the slope of the activation (tanh′ or ReLU′) of each unit at this timestep. In a plain RNN, ∂hₜ/∂hₜ₋₁ = diag(φ′)·W_hh.',
      zh: '对角矩阵，对角线上是这个时间步每个单元的激活函数斜率（tanh′ 或 ReLU′）。普通 RNN 中 ∂hₜ/∂hₜ₋₁ = diag(φ′)·W_hh。',
    },
    words: { en: ['diag(φ′)'], zh: ['diag(φ′)'] },
  },
  truncatedBptt: {
    id: 'truncatedBptt', term: { en: 'truncated BPTT', zh: '截断 BPTT' }, symbol: 'k', aka: ['TBPTT', 'truncated backpropagation through time', '截断的沿时间反向传播'],
    note: {
      en: 'Backpropagation through time cut into chunks of k timesteps: the state still flows forward across the cut, but the gradient does not flow back over it. Cheaper, and blind to longer dependencies.',
      zh: '把沿时间反向传播切成每段 k 个时间步：状态仍然跨过切口向前传，梯度却不再跨过切口往回传。计算更省，但学不到更长的依赖。',
    },
    words: { en: ['truncated BPTT', 'Truncated BPTT'], zh: ['截断 BPTT'] },
  },
  globalNorm: {
    id: 'globalNorm', term: { en: 'global norm', zh: '全局范数' }, symbol: '√(Σ ‖∂L/∂θ‖²)', aka: ['clip_grad_norm_', 'clipnorm', '总范数'],
    note: {
      en: 'The length of all parameter gradients taken together as one long vector. Clipping by global norm scales every gradient by the same factor, so the update keeps its direction.',
      zh: '把所有参数的梯度连成一个长向量后的长度。按全局范数裁剪时，所有梯度乘同一个系数，更新的方向不变。',
    },
    words: { en: ['global norm'], zh: ['全局范数'] },
  },
  stateDict: {
    id: 'stateDict', term: { en: 'state_dict', zh: 'state_dict（参数字典）' }, symbol: "{'lstm.weight_ih_l0': …, 'fc.weight': …}", aka: ['model.state_dict()', '参数字典'],
    note: {
      en: "PyTorch's dictionary from each parameter's name to its tensor, e.g. lstm.weight_ih_l0 or fc.weight: what torch.save writes and model.load_state_dict reads.",
      zh: 'PyTorch 中从参数名到张量的字典，例如 lstm.weight_ih_l0、fc.weight：torch.save 保存的、model.load_state_dict 读取的就是它。',
    },
    words: { en: ['state_dict'], zh: ['state_dict'] },
  },
  notation: {
    id: 'notation', term: { en: 'weight notation', zh: '权重记号' }, symbol: 'W_if x_t + W_hf h_{t−1} + b_if + b_hf', aka: ['W_f·[h_{t−1}, x_t] + b_f', 'W_f x_t + U_f h_{t−1} + b_f'],
    note: {
      en: 'This page writes weights as PyTorch does: W_if acts on the input, W_hf on hₜ₋₁, with two biases b_if, b_hf. colah’s blog writes the same as W_f·[hₜ₋₁, xₜ] + b_f (the two blocks side by side); d2l and Keras as W_f xₜ + U_f hₜ₋₁ + b_f.',
      zh: '本页按 PyTorch 的写法记权重：W_if 作用于输入，W_hf 作用于 hₜ₋₁，偏置有两个 b_if、b_hf。colah 的博客把它写成 W_f·[hₜ₋₁, xₜ] + b_f（两块拼在一起）；d2l 和 Keras 写成 W_f xₜ + U_f hₜ₋₁ + b_f。',
    },
    words: { en: ['notation'], zh: ['记号'] },
  },
} as const satisfies Record<string, JargonEntry>;

export type JargonId = keyof typeof JARGON;
