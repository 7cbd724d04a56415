/**
 * Applications: sliding-window forecasting of a real series, classifying windows of a multichannel signal, and
 * a character model of the Tang poems.
 */
import type { Lesson } from '../types.ts';

/** Mauna Loa CO₂, windows of 12 months, min-max scaling fitted on the first 70 %. */
const CO2 = 'task=co2&seq=12';
/** Office occupancy from four sensors, windows of 5 readings → occupied or not. */
const OCCUPANCY = 'task=occupancy&seq=5';

export const FORECASTING: Lesson = {
  id: 'forecasting',
  title: { en: 'Forecasting a real series', zh: '预测真实的时间序列' },
  summary: {
    en: 'Turning one long series into training samples with a sliding window, min-max scaling fitted on the training part only, a 70/30 split in time order, and an honest comparison with “tomorrow = today”.',
    zh: '用滑动窗口把一条长序列变成训练样本，只用训练部分拟合最小-最大归一化，按时间顺序 70/30 划分，并与“明天 = 今天”做诚实的比较。',
  },
  minutes: 7,
  steps: [
    {
      title: { en: 'Sliding windows', zh: '滑动窗口' },
      body: {
        en: 'A recurrent network learns from sequences, but a measured series is one long line. Cut it into windows: the last 12 monthly values form one input sequence, and the value after them is its target. Slide the window by one month and you have the next sample.',
        zh: '循环网络从序列中学习，可测得的数据往往只是一条长长的曲线。把它切成窗口：连续 12 个月的值构成一个输入序列，紧跟其后的那个值是它的目标。把窗口往后滑一个月，就得到下一个样本。',
      },
      concepts: ['sliding-window'],
      run: { kind: 'config', query: CO2 },
      show: ['panel-pipeline', 'panel-predictions'],
      highlight: 'panel-pipeline',
    },
    {
      title: { en: 'Predict: fitting the scaler', zh: '先预测：归一化用哪部分数据拟合' },
      body: {
        en: 'Networks train best on inputs around 0 to 1, so the values are min-max scaled: (x − min) / (max − min). The first 70 % of the series, in time order, is for training and the last 30 % for testing, because a forecast must be judged on a future it has not seen.',
        zh: '网络在 0 到 1 左右的输入上训练效果最好，所以要做最小-最大归一化：(x − min) / (max − min)。按时间顺序，序列的前 70% 用来训练，后 30% 用来测试，因为预测必须在它没见过的“未来”上检验。',
      },
      concepts: ['sliding-window'],
      run: { kind: 'keep' },
      show: ['panel-pipeline'],
      highlight: 'panel-pipeline',
      question: {
        prompt: { en: 'Which data should min and max come from?', zh: 'min 和 max 应该从哪部分数据里取？' },
        choices: [
          { en: 'The training part only', zh: '只用训练部分' },
          { en: 'The whole series, so nothing falls outside 0…1', zh: '整条序列，这样所有值都在 0…1 内' },
          { en: 'The test part only', zh: '只用测试部分' },
        ],
        answer: 0,
        explain: {
          en: 'The training part only. Using the whole series lets the test period’s range leak into training, which makes the test score look better than it would be on truly new data. The price is honest: rising series like this one leave the fitted range in the test part.',
          zh: '只用训练部分。用整条序列，会把测试时期的数值范围泄露给训练，使测试成绩比在真正的新数据上更好看。代价也要如实看待：像这样不断上升的序列，测试部分会超出拟合时的范围。',
        },
      },
    },
    {
      title: { en: 'Train and compare with the naive forecast', zh: '训练并与朴素预测比较' },
      body: {
        en: 'After 300 steps the metrics panel scores the model on the test part, in the data’s own units, next to the naive forecast “next month = this month”. A model is only useful if it beats that simple rule.',
        zh: '训练 300 步后，指标面板用数据原本的单位给模型在测试部分打分，并列出朴素预测“下个月 = 这个月”的成绩。模型只有胜过这个简单规则才有用。',
      },
      concepts: ['sliding-window'],
      run: { kind: 'config', query: CO2 },
      trainTo: 300,
      show: ['panel-metrics', 'panel-predictions', 'panel-pipeline'],
      highlight: 'panel-metrics',
    },
  ],
};

export const CLASSIFICATION: Lesson = {
  id: 'classification',
  title: { en: 'Classifying windows of a signal', zh: '对信号窗口分类' },
  summary: {
    en: 'A window of several sensor channels goes in, one label comes out (as in fault diagnosis): many-to-one with the last step’s output, cross-entropy and a confusion matrix.',
    zh: '输入一段多通道传感器数据的窗口，输出一个标签（就像故障诊断）：多对一，取最后一步的输出，用交叉熵和混淆矩阵。',
  },
  minutes: 6,
  steps: [
    {
      title: { en: 'Several channels, one label', zh: '多个通道，一个标签' },
      body: {
        en: 'Here each timestep has several readings at once: temperature, humidity, light and CO₂ in an office. A window of 5 consecutive readings is one sample, and its label says whether the room was occupied. Fault diagnosis works the same way: a window of machine signals in, a fault class out.',
        zh: '这里每个时间步同时有几路读数：办公室的温度、湿度、光照和 CO₂。连续 5 次读数构成一个窗口，也就是一个样本，它的标签表示房间里有没有人。故障诊断也是这样：输入一段机器信号的窗口，输出一个故障类别。',
      },
      concepts: ['window-classification'],
      run: { kind: 'config', query: OCCUPANCY },
      show: ['panel-predictions', 'panel-summary'],
      highlight: 'panel-predictions',
    },
    {
      title: { en: 'Predict: where the label comes from', zh: '先预测：标签从哪里来' },
      body: {
        en: 'The LSTM produces an h_t at each of the 5 timesteps, but the window has a single label. One of those states has to speak for the whole window.',
        zh: 'LSTM 在 5 个时间步上各产生一个 h_t，但一个窗口只有一个标签。得由其中一个状态来代表整个窗口。',
      },
      concepts: ['window-classification', 'output-mode'],
      run: { kind: 'keep' },
      show: ['panel-summary', 'panel-predictions'],
      highlight: 'panel-summary',
      question: {
        prompt: { en: 'Which h_t does the dense head turn into class scores?', zh: '全连接输出层把哪个 h_t 变成各类别的得分？' },
        choices: [
          { en: 'The last one, h_5: out[:, -1, :]', zh: '最后一个 h_5：out[:, -1, :]' },
          { en: 'Each of them, giving five labels', zh: '每一个都用，得到五个标签' },
        ],
        answer: 0,
        explain: {
          en: 'The last one: by then the network has read the whole window. This is many-to-one, OutputMode=\'last\' in MATLAB; softmax and cross-entropy turn the scores into class probabilities.',
          zh: '最后一个：到那时网络已经读完了整个窗口。这是多对一，对应 MATLAB 的 OutputMode=\'last\'；softmax 和交叉熵把得分变成各类别的概率。',
        },
      },
    },
    {
      title: { en: 'The confusion matrix', zh: '混淆矩阵' },
      body: {
        en: 'After 200 steps the test windows are classified. Each row of the confusion matrix is a true class and each column a predicted one, so the diagonal counts the right answers. Look at the off-diagonal cells as well: they show which mistakes the model makes.',
        zh: '训练 200 步后，测试窗口都被分了类。混淆矩阵的每一行是真实类别，每一列是预测类别，对角线上是答对的个数。也要看对角线以外的格子：它们显示模型会犯哪种错误。',
      },
      concepts: ['window-classification'],
      run: { kind: 'config', query: OCCUPANCY },
      trainTo: 200,
      show: ['panel-confusion', 'panel-metrics'],
      highlight: 'panel-confusion',
    },
  ],
};

/** The Tang poems in simplified characters, the page's default setting for them (500 most frequent characters). */
const TANG = 'task=tangHans';

export const TEXT_MODEL: Lesson = {
  id: 'text-model',
  title: { en: 'Writing like a Tang poet, one character at a time', zh: '一个字一个字地学写唐诗' },
  summary: {
    en: 'A character-level LSTM reads the Tang poems and predicts the next character; trained, its samples take on the poems’ shape, and single units turn out to track line structure.',
    zh: '字符级 LSTM 读唐诗并预测下一个字；训练之后，它生成的文字有了诗的样子，个别单元还会跟踪诗句的结构。',
  },
  minutes: 5,
  steps: [
    {
      title: { en: 'Step 0: every character equally likely', zh: '第 0 步：每个字的可能性都一样' },
      body: {
        en: 'Each character is one input symbol and the output is a probability for each of the 501 symbols (500 characters and “unknown”). Before training the model spreads its bets evenly, so the loss is about ln 501 ≈ 6.2 and the sampled text is a jumble of characters.',
        zh: '每个字是一个输入符号，输出是 501 个符号（500 个字加“未知”）各自的概率。训练之前模型平均下注，所以损失约为 ln 501 ≈ 6.2，采样出来的文字是一堆杂乱的字。',
      },
      concepts: ['hidden-output'],
      run: { kind: 'config', query: TANG },
      show: ['panel-text', 'panel-loss'],
      highlight: 'panel-text',
    },
    {
      title: { en: 'After 3000 steps', zh: '训练 3000 步之后' },
      body: {
        en: 'The same model after 3000 training steps, shipped with the page. The loss is near 3.5, and the samples come in lines of five or seven characters closed by commas and full stops, with the poems’ most frequent characters. It has learnt form, not meaning.',
        zh: '同一个模型训练 3000 步之后的样子（随页面提供）。损失约为 3.5，生成的文字是五个或七个字一句，以逗号和句号结尾，用的是唐诗里最常见的字。它学会的是形式，而不是意思。',
      },
      concepts: ['hidden-output'],
      run: { kind: 'checkpoint', id: 'tang-lstm' },
      show: ['panel-text', 'panel-loss'],
      highlight: 'panel-text',
    },
    {
      title: { en: 'What one unit follows', zh: '一个单元在跟踪什么' },
      body: {
        en: 'The text panel colours a passage by one hidden unit’s value at each character. Pick other units: some switch at the end of each line or at punctuation, keeping count of where in the line the model is. This is the kind of reading LSTMVis made popular.',
        zh: '文本面板按某个隐藏单元在每个字上的取值给一段文字着色。换几个单元看看：有的在每句末尾或标点处翻转，像是在记录当前写到了句子的哪个位置。LSTMVis 让这种观察方式流行起来。',
      },
      concepts: ['hidden-output', 'cell-state'],
      run: { kind: 'keep' },
      show: ['panel-text'],
      highlight: 'panel-text',
    },
  ],
};
