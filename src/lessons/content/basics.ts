/** RNN basics and why a plain RNN fails: the unrolled network, shared weights, vanishing and exploding gradients. */
import type { Lesson } from '../types.ts';

/** A small tanh RNN on the sine forecast: few units, short sequences, quick to train. */
const RNN_SINE = 'task=sine&cell=rnn&hidden=8&seq=20';
/** Temporal order at T = 50 with W_hh rescaled to spectral norm 0.6: the gradient from the end dies long before t = 1. */
const RNN_LONG = 'task=temporalOrder&seq=50&hidden=16&batch=32&clipv=1&rscale=0.6&fbias=2&cell=rnn';
/**
 * A ReLU RNN whose W_hh blocks have spectral norm 4, plain SGD with momentum. Measured with the engine (seed 1):
 * at step 0 ‖∂L_T/∂h_1‖ is ~5e3 times ‖∂L_T/∂h_T‖ and without clipping the run overflows at step 3; clipped at
 * norm 1 it trains on.
 */
const RNN_RELU = 'task=adding&seq=50&hidden=16&batch=32&cell=rnn&act=relu&rscale=4&clipv=1&opt=sgd&mom=0.9';

export const RNN_BASICS: Lesson = {
  id: 'rnn-basics',
  title: { en: 'A network with a memory', zh: '有记忆的网络' },
  summary: {
    en: 'How an RNN reads a sequence one timestep at a time, what “unrolled in time” means, and why every timestep uses the same weights.',
    zh: 'RNN 如何一个时间步一个时间步地读序列，什么叫“按时间展开”，以及为什么每个时间步都用同一组权重。',
  },
  minutes: 6,
  steps: [
    {
      title: { en: 'One cell, used again and again', zh: '同一个单元，反复使用' },
      body: {
        en: 'A recurrent network reads a sequence one value at a time. At every timestep the same small cell takes the new input x_t together with its own previous result h_{t−1} and computes a new hidden state h_t = tanh(W_ih x_t + W_hh h_{t−1} + b). Here the inputs are points on a sine wave, and the network must predict the next point.',
        zh: '循环神经网络一次只读序列中的一个值。每个时间步，同一个小单元把新的输入 x_t 和自己上一步的结果 h_{t−1} 合在一起，算出新的隐藏状态 h_t = tanh(W_ih x_t + W_hh h_{t−1} + b)。这里的输入是正弦波上的点，网络要预测下一个点。',
      },
      concepts: ['unrolled'],
      run: { kind: 'config', query: RNN_SINE },
      select: { t: 0, walk: 'forward' },
      show: ['panel-cell', 'panel-predictions'],
      highlight: 'panel-cell',
      wait: { kind: 'timestep', t: 4 },
      task: { en: 'Drag the timestep slider to t = 5 and watch the numbers in the cell change.', zh: '拖动时间步滑块到 t = 5，看单元里的数字如何变化。' },
    },
    {
      title: { en: 'Unrolled in time', zh: '按时间展开' },
      body: {
        en: 'Draw the cell once for every timestep and connect each copy to the next: that is the network unrolled in time. It is still one network, only drawn along the time axis. The arrow between two copies carries h_t, the memory passed from one timestep to the next.',
        zh: '把单元在每个时间步各画一次，再把相邻的两份连起来，就得到按时间展开的网络。它仍然是同一个网络，只是沿时间轴画开了。两份之间的箭头传递的是 h_t，也就是从一个时间步带到下一个时间步的记忆。',
      },
      concepts: ['unrolled'],
      run: { kind: 'keep' },
      select: { t: 'last' },
      show: ['panel-unrolled', 'panel-cell'],
      highlight: 'panel-unrolled',
      wait: { kind: 'timestep', t: 0 },
      task: { en: 'Move the timestep slider back to t = 1: the window of copies follows.', zh: '把时间步滑块拉回 t = 1，展开图的窗口会跟着移动。' },
    },
    {
      title: { en: 'The same weights at every timestep', zh: '每个时间步用同一组权重' },
      body: {
        en: 'Look at the labels on the copies in the unrolled view. Every copy is marked with the same W_ih, W_hh and b.',
        zh: '看展开图里每一份单元上的标注。每一份都标着同样的 W_ih、W_hh 和 b。',
      },
      concepts: ['weight-sharing', 'unrolled'],
      run: { kind: 'keep' },
      show: ['panel-unrolled', 'panel-summary'],
      highlight: 'panel-summary',
      question: {
        prompt: { en: 'This RNN reads 20 timesteps. How many different recurrent weight matrices W_hh does it learn?', zh: '这个 RNN 读 20 个时间步。它一共要学多少个不同的循环权重矩阵 W_hh？' },
        choices: [
          { en: 'One, shared by all 20 timesteps', zh: '一个，20 个时间步共用' },
          { en: '20, one per timestep', zh: '20 个，每个时间步一个' },
          { en: '19, one between each pair of timesteps', zh: '19 个，每两个相邻时间步之间一个' },
        ],
        answer: 0,
        explain: {
          en: 'One. The model summary lists a single weight_hh_l0 of shape [8, 8], whatever the sequence length: weight sharing keeps the number of parameters fixed and lets the network handle sequences of any length.',
          zh: '一个。模型概要里只有一个形状为 [8, 8] 的 weight_hh_l0，和序列长度无关：权重共享让参数个数固定，也让网络能处理任意长度的序列。',
        },
      },
    },
    {
      title: { en: 'The hidden state is the memory', zh: '隐藏状态就是记忆' },
      body: {
        en: 'After some training, the hidden state at timestep t holds what the network needs from everything it has read so far. Each unit of h_t is one number; together they are the network’s summary of the past. Press Step a few times and watch the states change as the weights learn.',
        zh: '训练一段时间后，时间步 t 的隐藏状态保存了网络从之前读过的内容中需要的信息。h_t 的每个单元是一个数，合起来就是网络对过去的总结。多按几次“单步”，看隐藏状态如何随着权重的学习而变化。',
      },
      concepts: ['unrolled'],
      run: { kind: 'config', query: RNN_SINE },
      trainTo: 150,
      show: ['panel-state', 'panel-unrolled', 'panel-loss'],
      highlight: 'panel-state',
      wait: { kind: 'step' },
      task: { en: 'Press Step (or S) once.', zh: '按一次“单步”（或 S 键）。' },
    },
    {
      title: { en: 'It learned to continue the wave', zh: '它学会了接着画正弦波' },
      body: {
        en: 'After 400 training steps the predicted curve follows the true next values closely. One small cell with one set of weights, applied 20 times, has learned to continue a sine wave.',
        zh: '训练 400 步之后，预测曲线已经很贴近真实的下一个值。一个小单元、一组权重，用了 20 次，就学会了接着画正弦波。',
      },
      concepts: ['weight-sharing'],
      run: { kind: 'config', query: RNN_SINE },
      trainTo: 400,
      show: ['panel-predictions', 'panel-loss'],
      highlight: 'panel-predictions',
    },
  ],
};

export const RNN_TROUBLE: Lesson = {
  id: 'rnn-trouble',
  title: { en: 'Why a plain RNN forgets', zh: '为什么普通 RNN 会遗忘' },
  summary: {
    en: 'The gradient that teaches early timesteps is a long product: it vanishes when the factors are below 1 and explodes when they are above. Clipping tames the explosion.',
    zh: '教会早期时间步的梯度是一长串乘积：因子小于 1 时梯度消失，大于 1 时梯度爆炸。梯度裁剪可以控制爆炸。',
  },
  minutes: 8,
  steps: [
    {
      title: { en: 'A task that needs a long memory', zh: '一个需要长记忆的任务' },
      body: {
        en: 'In this task two important symbols appear early in a sequence of 50, and the answer at the end depends on their order. To learn it, the loss at t = 50 must send a gradient all the way back to those early timesteps. The gradient-decay panel shows how big the gradient ‖∂L_T/∂h_t‖ still is at every timestep t.',
        zh: '在这个任务里，两个关键符号出现在长度为 50 的序列的前面，而最后的答案取决于它们的先后顺序。要学会它，t = 50 处的损失必须把梯度一路传回到那些早期时间步。梯度衰减面板显示每个时间步 t 上梯度 ‖∂L_T/∂h_t‖ 还剩多大。',
      },
      concepts: ['vanishing'],
      run: { kind: 'config', query: RNN_LONG },
      show: ['panel-gradient-decay', 'panel-cell'],
      highlight: 'panel-cell',
      select: { t: 'last', walk: 'backward' },
    },
    {
      title: { en: 'Predict: how much gradient is left at t = 1?', zh: '先预测：到 t = 1 还剩多少梯度？' },
      body: {
        en: 'Each step back in time multiplies the gradient by W_hh and by the slope of tanh. Here the recurrent weights have been scaled so that this factor is at most about 0.6.',
        zh: '每往回走一个时间步，梯度都要乘一次 W_hh 和 tanh 的斜率。这里把循环权重缩放过，使这个因子最多约为 0.6。',
      },
      concepts: ['vanishing'],
      run: { kind: 'keep' },
      show: ['panel-gradient-decay'],
      highlight: 'panel-gradient-decay',
      question: {
        prompt: { en: 'After 49 steps back, how big is the gradient compared with the one at the last step?', zh: '往回走 49 步之后，梯度和最后一步相比有多大？' },
        choices: [
          { en: 'About the same', zh: '差不多一样大' },
          { en: 'About half', zh: '大约一半' },
          { en: 'Less than a billionth', zh: '不到十亿分之一' },
        ],
        answer: 2,
        explain: {
          en: '0.6 multiplied by itself 49 times is about 1e−11, and tanh’s slope below 1 makes it smaller still: the curve falls by many orders of magnitude. The early symbols get almost no gradient, so the RNN cannot learn them. This is the vanishing gradient.',
          zh: '0.6 自乘 49 次约为 1e−11，再加上 tanh 的斜率小于 1，梯度会更小：曲线下降了很多个数量级。早期的符号几乎得不到梯度，RNN 就学不会它们。这就是梯度消失。',
        },
      },
    },
    {
      title: { en: 'The opposite: the gradient explodes', zh: '反过来：梯度爆炸' },
      body: {
        en: 'Now a ReLU RNN whose recurrent weights are scaled to about 4. Each step back can multiply the gradient by up to 4, so it grows going back in time instead of shrinking. Before any training, the gradient at t = 1 is already thousands of times the one at t = 50. Press Step a few times: the loss overflows and training stops.',
        zh: '现在换成一个 ReLU RNN，循环权重缩放到约 4。每往回一步，梯度最多可以乘 4，所以它越往前越大，而不是越小。还没开始训练，t = 1 处的梯度就已经是 t = 50 处的几千倍。按几次“单步”：损失会溢出，训练随之停止。',
      },
      concepts: ['exploding'],
      run: { kind: 'config', query: `${RNN_RELU}&clip=none` },
      show: ['panel-gradient-decay', 'panel-loss'],
      highlight: 'panel-gradient-decay',
      wait: { kind: 'step' },
      task: { en: 'Press Step several times and watch the loss.', zh: '连续按几次“单步”，观察损失。' },
    },
    {
      title: { en: 'Clipping holds it', zh: '梯度裁剪把它拉住' },
      body: {
        en: 'The same network, the same data and seed, but now the whole gradient is rescaled whenever its norm exceeds 1 (PyTorch’s clip_grad_norm_). The gradient still grows back through time inside one step, but the update never becomes huge, so training goes on. Clipping treats the explosion; it does nothing for a vanishing gradient.',
        zh: '同样的网络、同样的数据和种子，但只要梯度的范数超过 1，就把整个梯度按比例缩小（PyTorch 的 clip_grad_norm_）。在一次计算里梯度仍然沿时间往回增长，但每次更新不会变得巨大，训练得以继续。梯度裁剪治的是梯度爆炸，对梯度消失没有帮助。',
      },
      concepts: ['exploding'],
      run: { kind: 'config', query: RNN_RELU },
      trainTo: 40,
      show: ['panel-loss', 'panel-gradient-decay'],
      highlight: 'panel-loss',
    },
    {
      title: { en: 'The fix to come: the LSTM', zh: '下一步的办法：LSTM' },
      body: {
        en: 'Here the RNN and an LSTM race on the long task from the first step, with the same data and seed. At step 0 the LSTM already gets a usable gradient at t = 1 while the RNN’s has vanished. The next lessons open the LSTM cell to see why.',
        zh: '这里让 RNN 和 LSTM 在第一步的长任务上比赛，数据和种子相同。在第 0 步，LSTM 在 t = 1 处就已经有可用的梯度，而 RNN 的梯度已经消失。接下来的课程会打开 LSTM 单元，看看原因。',
      },
      concepts: ['vanishing'],
      run: { kind: 'config', query: `${RNN_LONG}&cmp=rnn,lstm` },
      show: ['panel-compare'],
      highlight: 'panel-compare',
    },
    {
      title: { en: 'After 1000 steps: the RNN still guesses', zh: '训练 1000 步之后：RNN 仍在猜' },
      body: {
        en: 'A related long task, the adding problem: 50 numbers go in, two of them are marked, and the answer is their sum. This plain RNN has already been trained for 1000 steps. Its loss sits near 0.17, what always answering the average sum gives: the marked numbers are too far back for its gradient to reach.',
        zh: '一个类似的长任务——加法问题：输入 50 个数，其中两个被标记，答案是这两个数之和。这个普通 RNN 已经训练了 1000 步。它的损失停在 0.17 左右，正好是每次都回答平均和所得到的损失：被标记的数离得太远，梯度传不到那里。',
      },
      concepts: ['vanishing'],
      run: { kind: 'checkpoint', id: 'adding-rnn' },
      show: ['panel-loss', 'panel-gradient-decay'],
      highlight: 'panel-loss',
    },
    {
      title: { en: 'The same training, an LSTM', zh: '同样的训练，换成 LSTM' },
      body: {
        en: 'The same task, data, seed and 1000 steps, with an LSTM of the same width. Its loss has fallen to about 0.001: it found the marked numbers and holds them until the end. Press Step and training simply goes on from step 1000.',
        zh: '同样的任务、数据、种子和 1000 步，换成同样宽度的 LSTM。它的损失已经降到约 0.001：它找到了被标记的数，并把它们一直记到最后。按“单步”，训练会从第 1000 步接着往下走。',
      },
      concepts: ['vanishing', 'cell-state'],
      run: { kind: 'checkpoint', id: 'adding-lstm' },
      show: ['panel-loss', 'panel-gates'],
      highlight: 'panel-loss',
      wait: { kind: 'step' },
      task: { en: 'Press Step once.', zh: '按一次“单步”。' },
    },
  ],
};
