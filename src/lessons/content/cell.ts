/** The LSTM cell: why sigmoid for gates and tanh for values, the gates, the cell state and h = o·tanh(c). */
import type { Lesson } from '../types.ts';

/** The first-load demo: an LSTM with 12 units forecasting sine waves. */
const LSTM_SINE = 'task=sine';

export const ACTIVATIONS: Lesson = {
  id: 'activations',
  title: { en: 'Sigmoid and tanh: valves and values', zh: 'sigmoid 与 tanh：阀门与数值' },
  summary: {
    en: 'Why the gates use σ (0…1, a valve) and the candidate and cell output use tanh (−1…1, zero-centred, steeper), what saturation does to the gradient, and MATLAB’s hard-sigmoid and softsign.',
    zh: '为什么门用 σ（0…1，像阀门），候选值和细胞输出用 tanh（−1…1，以零为中心，更陡），饱和对梯度有什么影响，以及 MATLAB 的 hard-sigmoid 和 softsign。',
  },
  minutes: 5,
  steps: [
    {
      title: { en: 'Two squashing functions', zh: '两个“压缩”函数' },
      body: {
        en: 'The sigmoid σ squeezes any number into the range 0 to 1, and tanh squeezes it into −1 to 1. The solid curves are the functions and the dashed ones their slopes. The dots are the current pre-activations of the selected gate, one per unit, placed on its curve.',
        zh: 'sigmoid 函数 σ 把任何数压到 0 到 1 之间，tanh 把它压到 −1 到 1 之间。实线是函数本身，虚线是它们的斜率。圆点是所选门当前的预激活值，每个单元一个，画在对应的曲线上。',
      },
      concepts: ['sigmoid-tanh'],
      run: { kind: 'config', query: LSTM_SINE },
      show: ['panel-activations', 'panel-cell'],
      highlight: 'panel-activations',
    },
    {
      title: { en: 'Predict: which one is a valve?', zh: '先预测：哪个适合当阀门？' },
      body: {
        en: 'A gate multiplies a value by its own output, to decide how much of that value gets through. Think about what range a good valve should have.',
        zh: '门把一个数值乘上自己的输出，以决定这个数值能通过多少。想一想，好的阀门应该输出什么范围的数。',
      },
      concepts: ['sigmoid-tanh', 'gates'],
      run: { kind: 'keep' },
      show: ['panel-activations'],
      highlight: 'panel-activations',
      question: {
        prompt: { en: 'Which function makes a good gate?', zh: '哪个函数适合做门？' },
        choices: [
          { en: 'σ, because 0 means closed and 1 means fully open', zh: 'σ，因为 0 表示关闭，1 表示全开' },
          { en: 'tanh, because it can be negative', zh: 'tanh，因为它可以取负值' },
          { en: 'Either: they behave the same', zh: '都行，它们没有区别' },
        ],
        answer: 0,
        explain: {
          en: 'σ: a gate value of 0 blocks, 1 lets everything through, and values in between let a share through. A negative gate would flip the sign of the memory, which is not what a valve does. tanh is used for the values themselves (the candidate and the cell output), which can be positive or negative.',
          zh: 'σ：门的值为 0 时全部挡住，为 1 时全部放行，中间的值放行一部分。门如果取负值，会把记忆的符号翻过来，这不是阀门该做的事。tanh 用于数值本身（候选值和细胞输出），它们可正可负。',
        },
      },
    },
    {
      title: { en: 'Slopes and saturation', zh: '斜率与饱和' },
      body: {
        en: 'The gradient passing through an activation is multiplied by its slope. σ’s slope is at most 0.25, tanh’s reaches 1 at zero, which is one reason tanh is used for the values. Far from zero both curves are flat: a unit out there is saturated, its slope is nearly 0 and almost no gradient gets through it. After 300 training steps, count how many units of the selected gate are saturated.',
        zh: '梯度经过激活函数时要乘上它的斜率。σ 的斜率最大只有 0.25，tanh 在零点的斜率是 1，这也是数值部分用 tanh 的原因之一。离零点很远时两条曲线都很平：处在那里的单元就饱和了，斜率接近 0，几乎没有梯度能通过。训练 300 步之后，数一数所选门有多少个单元饱和。',
      },
      concepts: ['sigmoid-tanh', 'vanishing'],
      run: { kind: 'config', query: LSTM_SINE },
      trainTo: 300,
      show: ['panel-activations', 'panel-gates'],
      highlight: 'panel-activations',
    },
    {
      title: { en: 'MATLAB’s cheaper shapes', zh: 'MATLAB 里更省算力的形状' },
      body: {
        en: 'MATLAB’s lstmLayer can use a hard sigmoid for the gates (straight lines, 0 below −2.5 and 1 above 2.5) and softsign x/(1+|x|) for the state. They keep the same ranges, so the cell works the same way. This run uses both: compare the curves and the dots with the smooth ones.',
        zh: 'MATLAB 的 lstmLayer 可以让门用 hard-sigmoid（分段直线，小于 −2.5 为 0，大于 2.5 为 1），让状态用 softsign x/(1+|x|)。它们的输出范围不变，所以单元的工作方式相同。这次训练两个都用了：把曲线和圆点与光滑的版本比较一下。',
      },
      concepts: ['sigmoid-tanh'],
      run: { kind: 'config', query: `${LSTM_SINE}&gate=hardSigmoid&state=softsign` },
      trainTo: 100,
      show: ['panel-activations', 'panel-cell'],
      highlight: 'panel-activations',
    },
  ],
};

export const LSTM_CELL: Lesson = {
  id: 'lstm-cell',
  title: { en: 'Inside the LSTM cell', zh: 'LSTM 单元内部' },
  summary: {
    en: 'The forget, input and output gates and the candidate, the cell state as the carrier of long-term memory, and h = o·tanh(c), with the actual numbers of a trained cell.',
    zh: '遗忘门、输入门、输出门和候选值，细胞状态作为长期记忆的载体，以及 h = o·tanh(c)，全部用一个训练过的单元的真实数字来看。',
  },
  minutes: 8,
  steps: [
    {
      title: { en: 'Four parts and a cell state', zh: '四个部分和一个细胞状态' },
      body: {
        en: 'Besides h_t, an LSTM keeps a second state, the cell state c_t. Each timestep computes four things from x_t and h_{t−1}: the forget gate f, the input gate i, the candidate g and the output gate o. Then c_t = f ⊙ c_{t−1} + i ⊙ g: keep part of the old memory, add part of the new candidate.',
        zh: '除了 h_t，LSTM 还保存第二个状态：细胞状态 c_t。每个时间步根据 x_t 和 h_{t−1} 算出四样东西：遗忘门 f、输入门 i、候选值 g 和输出门 o。然后 c_t = f ⊙ c_{t−1} + i ⊙ g：保留一部分旧记忆，加上一部分新的候选值。',
      },
      concepts: ['gates', 'cell-state'],
      run: { kind: 'config', query: LSTM_SINE },
      trainTo: 200,
      select: { t: 10, walk: 'forward' },
      show: ['panel-cell', 'panel-gates'],
      highlight: 'panel-cell',
      wait: { kind: 'timestep', t: 11 },
      task: { en: 'Move the timestep to t = 12 and follow f, i, g and o in the diagram.', zh: '把时间步移到 t = 12，在图中跟着看 f、i、g、o。' },
    },
    {
      title: { en: 'Predict: the forget gate', zh: '先预测：遗忘门' },
      body: {
        en: 'Take one unit whose forget gate is 0.1 and whose input gate is 0 at this timestep. Use the update rule c_t = f ⊙ c_{t−1} + i ⊙ g.',
        zh: '设某个单元在这个时间步的遗忘门是 0.1，输入门是 0。用更新公式 c_t = f ⊙ c_{t−1} + i ⊙ g 来想。',
      },
      concepts: ['gates'],
      run: { kind: 'keep' },
      show: ['panel-gates', 'panel-cell'],
      highlight: 'panel-gates',
      question: {
        prompt: { en: 'The forget gate of unit 3 is 0.1 and its input gate is 0. Will c_t keep last step’s value?', zh: '单元 3 的遗忘门是 0.1，输入门是 0。c_t 会保留上一步的值吗？' },
        choices: [
          { en: 'Yes, almost all of it', zh: '会，几乎全部保留' },
          { en: 'No, only a tenth of it survives', zh: '不会，只剩下十分之一' },
          { en: 'It doubles', zh: '会翻倍' },
        ],
        answer: 1,
        explain: {
          en: 'c_t = 0.1 · c_{t−1} + 0 · g: nine tenths of the memory are forgotten and nothing new is written. In the heatmaps, dark forget-gate cells are the moments when a unit clears its memory.',
          zh: 'c_t = 0.1 · c_{t−1} + 0 · g：九成的记忆被遗忘，也没有写入新内容。在热力图里，遗忘门颜色很深的格子就是单元清空记忆的时刻。',
        },
      },
    },
    {
      title: { en: 'The cell state carries the memory', zh: '细胞状态承载记忆' },
      body: {
        en: 'Along the cell state, nothing but a multiplication by f and an addition happens from one timestep to the next: no weight matrix and no squashing. So when f stays near 1, a value written long ago is still there many steps later, and so is the gradient flowing back along the same path. That is how the LSTM keeps long-term memory.',
        zh: '沿着细胞状态，从一个时间步到下一个时间步只有“乘以 f”和“加法”两件事：没有权重矩阵，也没有压缩函数。所以只要 f 接近 1，很早以前写进去的值在很多步之后仍然在，沿同一条路往回传的梯度也一样。LSTM 就是这样保持长期记忆的。',
      },
      concepts: ['cell-state'],
      run: { kind: 'keep' },
      show: ['panel-state', 'panel-gates'],
      highlight: 'panel-state',
    },
    {
      title: { en: 'Predict: the output gate', zh: '先预测：输出门' },
      body: {
        en: 'What the cell shows to the outside is h_t = o ⊙ tanh(c_t). The cell state stays inside; the output gate decides how much of it appears in h_t.',
        zh: '单元对外输出的是 h_t = o ⊙ tanh(c_t)。细胞状态留在单元内部；输出门决定其中多少会出现在 h_t 里。',
      },
      concepts: ['hidden-output', 'gates'],
      run: { kind: 'keep' },
      show: ['panel-cell', 'panel-state'],
      highlight: 'panel-cell',
      question: {
        prompt: { en: 'A unit’s output gate is 0 and its cell state is 0.8. What is its h_t?', zh: '某单元的输出门是 0，细胞状态是 0.8。它的 h_t 是多少？' },
        choices: [
          { en: '0', zh: '0' },
          { en: '0.8', zh: '0.8' },
          { en: 'tanh(0.8) ≈ 0.66', zh: 'tanh(0.8) ≈ 0.66' },
        ],
        answer: 0,
        explain: {
          en: 'h_t = 0 · tanh(0.8) = 0. The memory is kept in c_t but hidden for now; a later timestep can open the output gate and use it.',
          zh: 'h_t = 0 · tanh(0.8) = 0。记忆仍然保存在 c_t 里，只是暂时不输出；之后的某个时间步可以打开输出门再用它。',
        },
      },
    },
    {
      title: { en: 'Gates over time', zh: '门随时间的变化' },
      body: {
        en: 'The heatmaps show every gate of every unit at every timestep. Press Play and watch the patterns form as the network learns when to keep, write and show its memory. Press Space or Play again to pause.',
        zh: '热力图显示每个单元的每个门在每个时间步的值。按“播放”，看网络学会何时保留、写入和输出记忆时，图案是如何形成的。再按空格或“播放”暂停。',
      },
      concepts: ['gates', 'cell-state'],
      run: { kind: 'keep' },
      show: ['panel-gates', 'panel-loss', 'panel-predictions'],
      highlight: 'panel-gates',
      wait: { kind: 'play' },
      task: { en: 'Press Play.', zh: '按“播放”。' },
    },
  ],
};
