/** Training: backpropagation through time (the error term δ, the gradient as a sum over timesteps) and the gradient check. */
import type { Lesson } from '../types.ts';

/** The adding problem, many-to-one, short enough that every timestep fits on screen. */
const LSTM_ADDING = 'task=adding&seq=12&hidden=8&batch=32&clipv=1';
/** A tiny model, so the gradient check compares every weight quickly. */
const TINY = 'task=adding&seq=8&hidden=4&batch=4&clipv=1';

export const BPTT: Lesson = {
  id: 'bptt',
  title: { en: 'Backpropagation through time', zh: '沿时间反向传播' },
  summary: {
    en: 'How the error term δ flows back from the last timestep to the first, and why a shared weight’s gradient is the sum of one term per timestep.',
    zh: '误差项 δ 如何从最后一个时间步流回第一个时间步，以及为什么共享权重的梯度是每个时间步一项之和。',
  },
  minutes: 7,
  steps: [
    {
      title: { en: 'Walking backwards', zh: '倒着走' },
      body: {
        en: 'Training needs, for every weight, how much the loss would change if that weight changed a little: the gradient. Backpropagation through time (BPTT) finds it by starting at the loss after the last timestep and walking back one timestep at a time. The cell diagram’s Backward mode shows ∂L/∂h_t and ∂L/∂c_t arriving at each timestep.',
        zh: '训练需要知道：每个权重稍微改变一点，损失会变化多少，这就是梯度。沿时间反向传播（BPTT）从最后一个时间步之后的损失开始，一次往回走一个时间步来求它。单元图的“反向”模式显示了到达每个时间步的 ∂L/∂h_t 和 ∂L/∂c_t。',
      },
      concepts: ['bptt-delta'],
      run: { kind: 'config', query: LSTM_ADDING },
      trainTo: 50,
      select: { t: 'last', walk: 'forward' },
      show: ['panel-cell', 'panel-unrolled'],
      highlight: 'panel-cell',
      wait: { kind: 'walk', walk: 'backward' },
      task: { en: 'Switch the cell diagram to Backward (BPTT).', zh: '把单元图切换到“反向（BPTT）”。' },
    },
    {
      title: { en: 'The error term flows left', zh: '误差项向左流动' },
      body: {
        en: 'The error term δ_t = ∂L/∂h_t says how much the loss depends on the hidden state at timestep t. In the unrolled view it now flows from right to left, and the number on each arrow is its size ‖δ_t‖. Each δ_t is computed from δ_{t+1}: that is why the walk has to go backwards.',
        zh: '误差项 δ_t = ∂L/∂h_t 表示损失对时间步 t 的隐藏状态有多敏感。在展开图里它现在从右往左流，每个箭头上的数字是它的大小 ‖δ_t‖。每个 δ_t 都由 δ_{t+1} 算出，所以必须倒着走。',
      },
      concepts: ['bptt-delta', 'unrolled'],
      run: { kind: 'keep' },
      select: { t: 'last', walk: 'backward' },
      show: ['panel-unrolled', 'panel-cell'],
      highlight: 'panel-unrolled',
      wait: { kind: 'timestep', t: 0 },
      task: { en: 'Drag the timestep slider from the end down to t = 1.', zh: '把时间步滑块从最后一步拖到 t = 1。' },
    },
    {
      title: { en: 'Predict: the gradient of a shared weight', zh: '先预测：共享权重的梯度' },
      body: {
        en: 'The same W_hh is used at all 12 timesteps. At each timestep it has its own small effect on the loss.',
        zh: '同一个 W_hh 在全部 12 个时间步都被使用。它在每个时间步对损失都有一份小小的影响。',
      },
      concepts: ['grad-sum', 'weight-sharing'],
      run: { kind: 'keep' },
      select: { t: 0, walk: 'backward' },
      show: ['panel-unrolled'],
      highlight: 'panel-unrolled',
      question: {
        prompt: { en: 'What is the gradient ∂L/∂W_hh?', zh: '梯度 ∂L/∂W_hh 是什么？' },
        choices: [
          { en: 'The term of the last timestep only', zh: '只有最后一个时间步的那一项' },
          { en: 'The sum of one term per timestep', zh: '每个时间步一项，全部加起来' },
          { en: 'The average of the first and the last term', zh: '第一项和最后一项的平均' },
        ],
        answer: 1,
        explain: {
          en: 'The sum: ∂L/∂W_hh = Σ_t ∂L/∂W_hh|_t, one term per timestep. The bar under the unrolled view adds the terms as you walk back from T; at t = 1 it reaches the whole gradient. Terms far from the end are small when δ has vanished, so they add almost nothing.',
          zh: '是和：∂L/∂W_hh 等于各时间步的分量之和。展开图下面的条形图会随着你从 T 往回走把各项加起来，到 t = 1 时就是整个梯度。如果 δ 已经消失，离末尾很远的那些项就很小，几乎加不进什么。',
        },
      },
    },
    {
      title: { en: 'How far back the gradient reaches', zh: '梯度能传多远' },
      body: {
        en: 'Each step back multiplies δ by the same recurrent weights and by the slopes of the gates. The gradient-decay panel plots ‖∂L_T/∂h_t‖ against t on a log scale, together with the product that causes it. For this LSTM it falls slowly, so the early inputs of the adding problem still receive a signal.',
        zh: '每往回一步，δ 都要乘上同样的循环权重和各个门的斜率。梯度衰减面板用对数坐标画出 ‖∂L_T/∂h_t‖ 随 t 的变化，以及造成这种变化的乘积。这个 LSTM 的曲线下降得很慢，所以加法问题里较早的输入仍然能收到信号。',
      },
      concepts: ['bptt-delta', 'vanishing'],
      run: { kind: 'keep' },
      show: ['panel-gradient-decay', 'panel-unrolled'],
      highlight: 'panel-gradient-decay',
    },
  ],
};

export const GRADIENT_CHECK: Lesson = {
  id: 'gradient-check',
  title: { en: 'Checking the gradient', zh: '检查梯度' },
  summary: {
    en: 'Compare the BPTT gradient with a numeric one from central differences, read the relative error, and see why the step ε matters.',
    zh: '用中心差分算出的数值梯度和 BPTT 梯度对比，读懂相对误差，并理解步长 ε 为什么重要。',
  },
  minutes: 5,
  steps: [
    {
      title: { en: 'Is our gradient right?', zh: '我们的梯度对吗？' },
      body: {
        en: 'BPTT is long and easy to get wrong, so we check it. Nudge one weight up by a tiny ε, then down by ε, and measure the loss both times: (L(θ+ε) − L(θ−ε)) / 2ε is a numeric estimate of that weight’s gradient. If it agrees with the BPTT value for every weight, the backward pass is right.',
        zh: 'BPTT 步骤多，容易写错，所以要检查。把一个权重增加一个很小的 ε，再减少 ε，分别算一次损失：(L(θ+ε) − L(θ−ε)) / 2ε 就是这个权重梯度的数值估计。如果每个权重的数值估计都和 BPTT 的结果一致，反向传播就是对的。',
      },
      concepts: ['gradient-check'],
      run: { kind: 'config', query: TINY },
      trainTo: 20,
      show: ['panel-gradcheck', 'panel-summary'],
      highlight: 'panel-gradcheck',
      wait: { kind: 'gradCheck' },
      task: { en: 'Press “Run check” in the gradient-check panel and wait for the table.', zh: '在梯度检查面板里按“运行检查”，等表格出现。' },
    },
    {
      title: { en: 'Predict: reading the result', zh: '先预测：读懂结果' },
      body: {
        en: 'Each row compares one group of weights, such as the forget-gate block of W_hh. The relative error is the size of the difference divided by the size of the gradients.',
        zh: '每一行比较一组权重，例如 W_hh 中遗忘门的那一块。相对误差是两者之差的大小除以梯度本身的大小。',
      },
      concepts: ['gradient-check'],
      run: { kind: 'keep' },
      show: ['panel-gradcheck'],
      highlight: 'panel-gradcheck',
      question: {
        prompt: { en: 'Every row shows a relative error around 1e−9. What does that tell you?', zh: '每一行的相对误差都在 1e−9 左右。这说明什么？' },
        choices: [
          { en: 'The BPTT gradient is correct', zh: 'BPTT 梯度是正确的' },
          { en: 'The BPTT gradient is wrong', zh: 'BPTT 梯度是错的' },
          { en: 'The model has finished training', zh: '模型已经训练好了' },
        ],
        answer: 0,
        explain: {
          en: 'Correct: in float64 a right gradient agrees to about 1e−7 or better, while a bug usually gives errors near 1e−2 or larger. The check says nothing about how well the model has learned.',
          zh: '正确：在 float64 精度下，正确的梯度一般能对到 1e−7 甚至更小，而有错误时误差通常在 1e−2 或更大。这个检查不能说明模型学得好不好。',
        },
      },
    },
    {
      title: { en: 'Choosing ε', zh: '怎么选 ε' },
      body: {
        en: 'With a large ε the difference quotient is a rough slope of a curved loss; with a tiny one, rounding errors in the two losses dominate. Values around 1e−5 to 1e−6 work best in float64. Pick another ε in the panel and run the check again to see the error grow at both ends.',
        zh: 'ε 太大，差商只是弯曲损失曲线上的粗略斜率；ε 太小，两次损失里的舍入误差就占了上风。在 float64 下，1e−5 到 1e−6 左右效果最好。在面板里换一个 ε 再运行检查，看看两头的误差是怎样变大的。',
      },
      concepts: ['gradient-check'],
      run: { kind: 'keep' },
      show: ['panel-gradcheck'],
      highlight: 'panel-gradcheck',
    },
  ],
};
