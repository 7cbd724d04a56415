/** Variants and design choices: the GRU, the forget-gate bias, stacked layers with a dense head, and the output mode. */
import type { Lesson } from '../types.ts';

const GRU_SINE = 'task=sine&cell=gru';
/** Temporal order at T = 50, LSTM, no clipping of the forget bias beyond the setting under study. */
const LONG_ORDER = 'task=temporalOrder&seq=50&hidden=16&batch=32&clipv=1';
const STACKED = 'task=sine&layers=2';

export const GRU: Lesson = {
  id: 'gru',
  title: { en: 'The GRU: two gates, one state', zh: 'GRU：两个门，一个状态' },
  summary: {
    en: 'The gated recurrent unit merges the cell and hidden states and uses a reset and an update gate; how its update gate keeps memory, and a naming trap.',
    zh: '门控循环单元把细胞状态和隐藏状态合二为一，只用重置门和更新门；它的更新门如何保持记忆，以及一个容易混淆的名字。',
  },
  minutes: 6,
  steps: [
    {
      title: { en: 'A simpler gated cell', zh: '更简单的门控单元' },
      body: {
        en: 'The GRU has no separate cell state: h_t is the only memory. A reset gate r decides how much of h_{t−1} the new candidate n sees, and an update gate z mixes old and new: h_t = (1 − z) ⊙ n + z ⊙ h_{t−1} (the PyTorch convention). With three blocks of weights instead of four, it is smaller than an LSTM of the same width.',
        zh: 'GRU 没有单独的细胞状态：h_t 是唯一的记忆。重置门 r 决定新的候选 n 能看到多少 h_{t−1}，更新门 z 把新旧两部分混合：h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}（PyTorch 的写法）。它只有三块权重而不是四块，所以比同样宽度的 LSTM 小。',
      },
      concepts: ['gru'],
      run: { kind: 'config', query: GRU_SINE },
      trainTo: 200,
      select: { t: 10, walk: 'forward' },
      show: ['panel-cell', 'panel-summary'],
      highlight: 'panel-cell',
    },
    {
      title: { en: 'Predict: the update gate', zh: '先预测：更新门' },
      body: {
        en: 'Use h_t = (1 − z) ⊙ n + z ⊙ h_{t−1} for one unit. Think of z as “how much of the old state to keep”.',
        zh: '对一个单元用 h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}。可以把 z 理解为“保留多少旧状态”。',
      },
      concepts: ['gru'],
      run: { kind: 'keep' },
      show: ['panel-gates', 'panel-cell'],
      highlight: 'panel-gates',
      question: {
        prompt: { en: 'A unit’s update gate z is 1. What is its h_t?', zh: '某单元的更新门 z 等于 1。它的 h_t 是什么？' },
        choices: [
          { en: 'h_{t−1}, unchanged', zh: 'h_{t−1}，保持不变' },
          { en: 'The new candidate n_t', zh: '新的候选 n_t' },
          { en: '0', zh: '0' },
        ],
        answer: 0,
        explain: {
          en: 'h_t = 0 · n + 1 · h_{t−1} = h_{t−1}: the unit copies its memory forward, the way an LSTM does with f = 1 and i = 0. One tutorial calls the LSTM’s input gate 更新门; in most texts that name means this GRU gate z (see the glossary).',
          zh: 'h_t = 0 · n + 1 · h_{t−1} = h_{t−1}：单元原样把记忆往后传，就像 LSTM 在 f = 1、i = 0 时一样。有一篇教程把 LSTM 的输入门叫作“更新门”；大多数资料里这个名字指的是 GRU 的 z（见术语表）。',
        },
      },
    },
    {
      title: { en: 'LSTM and GRU side by side', zh: 'LSTM 与 GRU 并排比较' },
      body: {
        en: 'Both cells now train on the adding problem with 50 timesteps, the same data and the same seed. Press Play and compare the loss curves and the gradient decay. On tasks like this the two usually end up close; the GRU does it with fewer weights.',
        zh: '两种单元现在在 50 个时间步的加法问题上训练，数据和种子都相同。按“播放”，比较损失曲线和梯度衰减。在这类任务上两者通常差不多，而 GRU 用的权重更少。',
      },
      concepts: ['gru'],
      run: { kind: 'config', query: 'task=adding&seq=50&hidden=16&batch=32&clipv=1&cmp=lstm,gru' },
      show: ['panel-compare'],
      highlight: 'panel-compare',
      wait: { kind: 'play' },
      task: { en: 'Press Play; pause again after a few hundred steps.', zh: '按“播放”；训练几百步后再暂停。' },
    },
  ],
};

export const FORGET_BIAS: Lesson = {
  id: 'forget-bias',
  title: { en: 'Start the forget gate open', zh: '让遗忘门一开始就打开' },
  summary: {
    en: 'Why LSTM forget-gate biases are usually initialised to 1: with bias 0 the gate starts half closed and the memory fades quickly.',
    zh: '为什么 LSTM 遗忘门的偏置通常初始化为 1：偏置为 0 时门一开始就半关着，记忆衰减得很快。',
  },
  minutes: 5,
  steps: [
    {
      title: { en: 'Predict: a half-closed gate', zh: '先预测：半关着的门' },
      body: {
        en: 'At initialisation the weights are small, so the forget gate is about σ(b_f). With the bias b_f = 0 that is σ(0) = 0.5 for every unit: each timestep keeps only half of the cell state.',
        zh: '初始化时权重都很小，所以遗忘门约等于 σ(b_f)。偏置 b_f = 0 时，每个单元的遗忘门都是 σ(0) = 0.5：每个时间步只保留一半的细胞状态。',
      },
      concepts: ['forget-bias', 'cell-state'],
      run: { kind: 'config', query: `${LONG_ORDER}&fbias=0` },
      show: ['panel-gradient-decay', 'panel-gates'],
      highlight: 'panel-gradient-decay',
      question: {
        prompt: { en: 'With f = 0.5 at every step, how much of the path along the cell state is left after 49 steps?', zh: '每一步 f 都是 0.5，沿细胞状态的通路走 49 步后还剩多少？' },
        choices: [
          { en: 'About half', zh: '大约一半' },
          { en: 'About 1e−15', zh: '大约 1e−15' },
          { en: 'About 0.73', zh: '大约 0.73' },
        ],
        answer: 1,
        explain: {
          en: '0.5 multiplied 49 times is about 1.8e−15. The mechanism curve in the gradient-decay panel shows this product of f along the cell path, and the gradient at t = 1 is tiny: the LSTM starts out almost as forgetful as a plain RNN.',
          zh: '0.5 连乘 49 次约为 1.8e−15。梯度衰减面板里的机制曲线画的就是沿细胞通路 f 的乘积，t = 1 处的梯度非常小：LSTM 一开始几乎和普通 RNN 一样健忘。',
        },
      },
    },
    {
      title: { en: 'Set the bias to 1', zh: '把偏置设为 1' },
      body: {
        en: 'σ(1) ≈ 0.73, and 0.73 multiplied 49 times is about 2e−7: eight orders of magnitude more than with bias 0. Make the change yourself in the sidebar’s Details section; the run restarts from step 0 with the new bias.',
        zh: 'σ(1) ≈ 0.73，0.73 连乘 49 次约为 2e−7：比偏置为 0 时大了八个数量级。请自己在侧栏“细节”部分修改；训练会用新的偏置从第 0 步重新开始。',
      },
      concepts: ['forget-bias'],
      run: { kind: 'keep' },
      show: ['panel-gradient-decay'],
      highlight: 'panel-gradient-decay',
      wait: { kind: 'config', key: 'fbias', value: '1' },
      task: { en: 'Set “forget-gate bias” to 1 in the sidebar.', zh: '在侧栏把“遗忘门偏置”设为 1。' },
    },
    {
      title: { en: 'What it does to learning', zh: '它对学习有什么影响' },
      body: {
        en: 'Here is the bias-1 run after 300 training steps. The gate still learns its own values, but it starts from remembering rather than forgetting, so the gradient reaches the early symbols from the first step. PyTorch draws every bias at random near 0, which is why code often sets the forget-gate bias to 1 by hand.',
        zh: '这是偏置为 1 的训练在 300 步后的样子。门仍然会学习自己的取值，但它从“记住”而不是“忘掉”开始，所以梯度从第一步起就能传到早期的符号。PyTorch 默认把所有偏置随机初始化在 0 附近，所以代码里常常手动把遗忘门偏置设为 1。',
      },
      concepts: ['forget-bias'],
      run: { kind: 'config', query: `${LONG_ORDER}&fbias=1` },
      trainTo: 300,
      show: ['panel-loss', 'panel-gradient-decay'],
      highlight: 'panel-loss',
    },
  ],
};

export const STACKING_OUTPUT: Lesson = {
  id: 'stacking-output',
  title: { en: 'Layers, the dense head and the output mode', zh: '多层、全连接输出层与输出方式' },
  summary: {
    en: 'Stacking two LSTM layers with a fully connected head (nn.LSTM(num_layers=2) + nn.Linear), and taking the output of the last step or of the whole sequence.',
    zh: '把两层 LSTM 叠起来再接一个全连接层（nn.LSTM(num_layers=2) + nn.Linear），以及输出取最后一步还是整个序列。',
  },
  minutes: 6,
  steps: [
    {
      title: { en: 'Two layers and a head', zh: '两层加一个输出层' },
      body: {
        en: 'This model is nn.LSTM(input_size=1, hidden_size=12, num_layers=2) followed by nn.Linear(12, 1). The first layer reads the input sequence; the second reads the first layer’s sequence of h_t. The dense head turns the top layer’s h_t into the prediction.',
        zh: '这个模型是 nn.LSTM(input_size=1, hidden_size=12, num_layers=2) 后面接 nn.Linear(12, 1)。第一层读输入序列，第二层读第一层输出的 h_t 序列。全连接输出层把最上层的 h_t 变成预测值。',
      },
      concepts: ['stacked-head'],
      run: { kind: 'config', query: STACKED },
      trainTo: 150,
      show: ['panel-summary', 'panel-unrolled'],
      highlight: 'panel-summary',
    },
    {
      title: { en: 'Where the head sits', zh: '输出层在哪里' },
      body: {
        en: 'The unrolled view draws the dense head above the top layer. On this task it sits on every timestep, because the model predicts the next value after each point of the wave.',
        zh: '展开图把全连接输出层画在最上层的上方。在这个任务里，每个时间步上都有它，因为模型在波形的每个点之后都要预测下一个值。',
      },
      concepts: ['stacked-head', 'output-mode'],
      run: { kind: 'keep' },
      select: { layer: 'top' },
      show: ['panel-unrolled', 'panel-predictions'],
      highlight: 'panel-unrolled',
    },
    {
      title: { en: 'Predict: which output do you need?', zh: '先预测：需要哪种输出？' },
      body: {
        en: 'nn.LSTM returns out, the top layer’s h_t for every timestep. You can feed all of it to the head, or only the last row.',
        zh: 'nn.LSTM 返回的 out 包含最上层每个时间步的 h_t。可以把它全部送进输出层，也可以只送最后一行。',
      },
      concepts: ['output-mode'],
      run: { kind: 'keep' },
      show: ['panel-predictions', 'panel-unrolled'],
      highlight: 'panel-predictions',
      question: {
        prompt: { en: 'To predict the next value after every point of the wave, which output goes into the head?', zh: '要在波形的每个点之后都预测下一个值，应该把哪个输出送进输出层？' },
        choices: [
          { en: 'out[:, -1, :], the last timestep only', zh: 'out[:, -1, :]，只取最后一个时间步' },
          { en: 'The whole out, every timestep', zh: '整个 out，每个时间步都要' },
        ],
        answer: 1,
        explain: {
          en: 'The whole sequence: MATLAB calls this OutputMode=\'sequence\'. Taking out[:, -1, :] (MATLAB OutputMode=\'last\') gives one prediction per sequence, which is what a classifier or a one-step forecaster needs.',
          zh: '整个序列：MATLAB 里叫 OutputMode=\'sequence\'。取 out[:, -1, :]（MATLAB 的 OutputMode=\'last\'）每个序列只得到一个预测，这正是分类器或单步预测所需要的。',
        },
      },
    },
    {
      title: { en: 'Switch to the last step', zh: '切换到只取最后一步' },
      body: {
        en: 'Change the output mode in the sidebar to “Last step”. The run restarts: now the loss looks only at the prediction after the final timestep, and the head sits on the last copy alone. The spellings in PyTorch and MATLAB are shown next to the setting.',
        zh: '在侧栏把输出方式改成“只取最后一步”。训练会重新开始：现在损失只看最后一个时间步之后的预测，输出层也只接在最后一份单元上。设置旁边写着 PyTorch 和 MATLAB 的对应写法。',
      },
      concepts: ['output-mode'],
      run: { kind: 'keep' },
      show: ['panel-unrolled', 'panel-predictions'],
      highlight: 'panel-unrolled',
      wait: { kind: 'config', key: 'out', value: 'last' },
      task: { en: 'Set “Output mode” to “Last step” in the sidebar.', zh: '在侧栏把“输出方式”设为“只取最后一步”。' },
    },
  ],
};
