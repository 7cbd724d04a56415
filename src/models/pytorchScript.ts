/**
 * A self-contained PyTorch script that continues a run outside the page: the nn.Module of this configuration,
 * the task's data as the page prepared it (its generator with the page's own random-number generator, or the
 * dataset with its window, fitted scaler and split), the loss, optimiser, learning rate and clipping, loading
 * the exported weights, and a training loop that goes on from them. The page's data stream is ported
 * (sfc32), so the script draws the batches the page would have drawn next.
 */
import type { ModelConfig } from '../engine/config.ts';
import type { OptimizerConfig } from '../engine/optim.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import type { DataTaskMeta } from '../tasks/data/builtin.ts';
import { DEFAULT_FREQUENCY } from '../tasks/frequency.ts';
import { DEFAULT_SINE } from '../tasks/sine.ts';
import { datasetOf, isDataTask } from '../tasks/registry.ts';

export interface ScriptInput {
  config: RunConfig;
  model: ModelConfig;
  optimizer: OptimizerConfig;
  step: number;
  /** The data stream's state at `step` (Rng.getState()). */
  dataRng: number[];
  /** What the page built a dataset task from (null for generated tasks). */
  taskMeta: DataTaskMeta | null;
  /** The exported weights the script loads (a .safetensors file name). */
  weightsFile: string;
}

/** A configuration the script cannot express with torch.nn's modules. */
export class ScriptUnsupportedError extends Error {
  constructor(readonly reason: 'peephole' | 'activation') {
    super(reason === 'peephole' ? 'peephole LSTMs have no torch.nn module' : 'torch.nn.LSTM has only sigmoid gates and a tanh state');
    this.name = 'ScriptUnsupportedError';
  }
}

/** A JS value as a Python literal (JSON is Python except for true/false/null and non-finite numbers). */
export function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return "float('nan')";
    if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
    return Number.isInteger(value) ? String(value) : JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (ArrayBuffer.isView(value)) return py(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
}

const RNG = `
class PageRng:
    """The page's random-number generator (sfc32, seeded through splitmix32), so batches match the page's."""

    def __init__(self, state):
        self.seed, self.a, self.b, self.c, self.d, has_spare, spare = state
        self.spare = spare if has_spare == 1 else None

    def uint32(self):
        m = 0xFFFFFFFF
        t = (self.a + self.b + self.d) & m
        self.d = (self.d + 1) & m
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & m
        self.c = ((self.c << 21) | (self.c >> 11)) & m
        self.c = (self.c + t) & m
        return t

    def next(self):
        hi = self.uint32() >> 5
        lo = self.uint32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992

    def uniform(self, lo, hi):
        return lo + (hi - lo) * self.next()

    def normal(self):
        # Polar Box-Muller with the pair cached, as on the page (math.log may differ from the page's in the last bit).
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        while True:
            u = 2 * self.next() - 1
            v = 2 * self.next() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        k = math.sqrt(-2 * math.log(s) / s)
        self.spare = v * k
        return u * k

    def int(self, n):
        limit = 4294967296 - (4294967296 % n)
        x = self.uint32()
        while x >= limit:
            x = self.uint32()
        return x % n
`;

function generatedData(config: RunConfig): string[] {
  const T = config.seqLen;
  switch (config.task) {
    case 'sine':
      return [
        `# Sine forecast: from x_1..x_t predict x_{t+1} at every step (angular step drawn from [${DEFAULT_SINE.minFreq}, ${DEFAULT_SINE.maxFreq}]).`,
        'def train_batch(rng, B):',
        `    x = torch.zeros(B, ${T}, 1)`,
        `    y = torch.zeros(B, ${T}, 1)`,
        '    for b in range(B):',
        `        w = rng.uniform(${py(DEFAULT_SINE.minFreq)}, ${py(DEFAULT_SINE.maxFreq)})`,
        '        ph = rng.uniform(0, 2 * math.pi)',
        `        v = [math.sin(w * t + ph) for t in range(${T + 1})]`,
        `        x[b, :, 0] = torch.tensor(v[:${T}])`,
        '        y[b, :, 0] = torch.tensor(v[1:])',
        '    return x, y',
      ];
    case 'frequency':
      return [
        '# Which frequency does a noisy wave have? One class per frequency, answered after the whole window.',
        `FREQUENCIES = ${py(DEFAULT_FREQUENCY.frequencies)}`,
        'def train_batch(rng, B):',
        `    x = torch.zeros(B, ${T}, 1)`,
        '    y = torch.zeros(B, dtype=torch.long)',
        '    for b in range(B):',
        '        k = rng.int(len(FREQUENCIES))',
        '        ph = rng.uniform(0, 2 * math.pi)',
        `        for t in range(${T}):`,
        `            x[b, t, 0] = math.sin(FREQUENCIES[k] * t + ph) + ${py(DEFAULT_FREQUENCY.noise)} * rng.normal()`,
        '        y[b] = k',
        '    return x, y',
      ];
    case 'adding':
      return [
        '# The adding problem: inputs (value, marker); the target is the sum of the two marked values.',
        'def train_batch(rng, B):',
        `    T = ${T}`,
        '    x = torch.zeros(B, T, 2)',
        '    y = torch.zeros(B, 1)',
        '    half = max(1, T // 2)',
        '    for b in range(B):',
        '        first = rng.int(half)',
        '        second = half + rng.int(T - half)',
        '        for t in range(T):',
        '            v = rng.next()',
        '            marked = t in (first, second)',
        '            x[b, t, 0] = v',
        '            x[b, t, 1] = 1.0 if marked else 0.0',
        '            if marked:',
        '                y[b, 0] += v',
        '    return x, y',
      ];
    case 'firstSymbol':
      return [
        '# Remember the first symbol (one of 4, one-hot at t = 0) through distractor noise on a fifth channel.',
        'def train_batch(rng, B):',
        `    T = ${T}`,
        '    x = torch.zeros(B, T, 5)',
        '    y = torch.zeros(B, dtype=torch.long)',
        '    for b in range(B):',
        '        k = rng.int(4)',
        '        x[b, 0, k] = 1',
        '        for t in range(1, T):',
        '            x[b, t, 4] = rng.uniform(-1, 1)',
        '        y[b] = k',
        '    return x, y',
      ];
    case 'temporalOrder':
      return [
        '# Temporal order: X or Y at two positions among distractors a-d; the class is XX, XY, YX or YY.',
        'def train_batch(rng, B):',
        `    T = ${T}`,
        '    x = torch.zeros(B, T, 6)',
        '    y = torch.zeros(B, dtype=torch.long)',
        '    early = max(1, T // 5)',
        '    for b in range(B):',
        '        p1 = rng.int(early)',
        '        p2 = min(T - 1, T // 2 + rng.int(early))',
        '        s1 = rng.int(2)',
        '        s2 = rng.int(2)',
        '        for t in range(T):',
        '            sym = 4 + s1 if t == p1 else (4 + s2 if t == p2 else rng.int(4))',
        '            x[b, t, sym] = 1',
        '        y[b] = s1 * 2 + s2',
        '    return x, y',
      ];
    default:
      throw new Error(`no generator for task '${config.task}'`);
  }
}

/** Python for the training windows of a table task: the series, the fitted scaler, the split and the windows. */
function tableData(meta: Extract<DataTaskMeta, { kind: 'forecast' | 'classification' }>): string[] {
  const { spec, split, scaler, windows } = meta;
  const names = meta.kind === 'forecast' ? meta.columns : meta.features;
  const inputs = meta.kind === 'forecast' ? meta.inputs : names.map((_, i) => i);
  const lines = [
    `# The ${meta.source} data as the page used them: columns in original units (rows in time order).`,
    `COLUMNS = ${py(names)}`,
    `RAW = ${py(meta.raw.map((c) => Array.from(c)))}`,
    `# Scaler (${scaler.kind}) fitted on rows [0, ${scaler.fitRows})${scaler.leakage ? ' — every row, test included (leakage, as chosen on the page)' : ', the training split'}: scaled = (value - offset) / scale.`,
    `SCALER_OFFSET = ${py(scaler.offset)}`,
    `SCALER_SCALE = ${py(scaler.scale)}`,
    'SCALED = [[(v - SCALER_OFFSET[k]) / SCALER_SCALE[k] for v in col] for k, col in enumerate(RAW)]',
    `# Chronological split: train rows [0, ${split.trainEnd}), test rows [${split.testStart}, ${split.rows}).`,
    `WINDOW, HORIZON, STRIDE = ${spec.window}, ${spec.horizon}, ${spec.stride}`,
    `INPUTS = ${py(inputs)}`,
    '# Starts of the training windows (every STRIDE rows, anchored at the last one whose target is a training row).',
    `TRAIN_STARTS = ${py(Array.from(windows.train))}`,
  ];
  if (meta.kind === 'forecast') {
    lines.push(
      `TARGET = ${meta.target}  # column predicted HORIZON rows after each window`,
      '',
      'def train_batch(rng, B):',
      '    starts = [TRAIN_STARTS[rng.int(len(TRAIN_STARTS))] for _ in range(B)]',
      '    x = torch.tensor([[[SCALED[i][s + t] for i in INPUTS] for t in range(WINDOW)] for s in starts])',
      '    y = torch.tensor([[SCALED[TARGET][s + WINDOW - 1 + HORIZON]] for s in starts])',
      '    return x, y',
    );
  } else {
    lines.push(
      `LABELS = ${py(Array.from(meta.labels))}  # class index per row: ${meta.classes.map((c, k) => `${k} = ${c}`).join(', ')}`,
      '',
      'def train_batch(rng, B):',
      '    starts = [TRAIN_STARTS[rng.int(len(TRAIN_STARTS))] for _ in range(B)]',
      '    x = torch.tensor([[[SCALED[i][s + t] for i in INPUTS] for t in range(WINDOW)] for s in starts])',
      '    y = torch.tensor([LABELS[s + WINDOW - 1 + HORIZON] for s in starts])',
      '    return x, y',
    );
  }
  return lines;
}

function textData(meta: Extract<DataTaskMeta, { kind: 'text' }>, config: RunConfig): string[] {
  const file = datasetOf(config.task)?.file ?? 'text.txt';
  return [
    `# Character model on ${meta.source}: the vocabulary the page built (the last symbol stands for every other character when the vocabulary is limited).`,
    `TEXT_FILE = ${py(file)}  # from the app's datasets/ folder`,
    `SYMBOLS = ${py(meta.vocab.symbols)}`,
    `UNK = ${meta.vocab.unk}`,
    `SEQ_LEN = ${meta.seqLen}`,
    '',
    'def load_codes():',
    "    text = open(TEXT_FILE, encoding='utf-8').read()",
    '    index = {s: k for k, s in enumerate(SYMBOLS)}',
    '    return [index.get(ch, UNK) for ch in text if ch in index or UNK >= 0]',
    '',
    'CODES = load_codes()',
    `TRAIN_END = ${meta.trainEnd}  # characters [0, TRAIN_END) are trained on`,
    '',
    'def train_batch(rng, B):',
    '    V = len(SYMBOLS)',
    '    starts = [rng.int(TRAIN_END - SEQ_LEN) for _ in range(B)]',
    '    x = torch.zeros(B, SEQ_LEN, V)',
    '    y = torch.zeros(B, SEQ_LEN, dtype=torch.long)',
    '    for b, s in enumerate(starts):',
    '        for t in range(SEQ_LEN):',
    '            x[b, t, CODES[s + t]] = 1',
    '            y[b, t] = CODES[s + t + 1]',
    '    return x, y',
  ];
}

function dataSection(input: ScriptInput): string[] {
  const { config, taskMeta } = input;
  if (!isDataTask(config.task)) return generatedData(config);
  if (!taskMeta) throw new Error('the dataset has not been prepared yet');
  return taskMeta.kind === 'text' ? textData(taskMeta, config) : tableData(taskMeta);
}

const MODULE_CLASS = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' } as const;

function moduleSection(model: ModelConfig): string[] {
  const cls = MODULE_CLASS[model.cell];
  const args = [String(model.inputSize), String(model.hiddenSize), `num_layers=${model.numLayers}`, 'batch_first=True'];
  if (model.cell === 'rnn') args.push(`nonlinearity=${py(model.nonlinearity)}`);
  const last = model.outputMode === 'last';
  return [
    'class Net(nn.Module):',
    `    """The page's model: nn.${cls} and a linear head ${last ? 'on the last timestep (many-to-one)' : 'at every timestep (many-to-many)'}."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    `        self.${model.cell} = nn.${cls}(${args.join(', ')})`,
    `        self.fc = nn.Linear(${model.hiddenSize}, ${model.outputSize})`,
    '',
    '    def forward(self, x):',
    `        h, _ = self.${model.cell}(x)`,
    `        return self.fc(${last ? 'h[:, -1]' : 'h'})`,
  ];
}

function optimizerLine(o: OptimizerConfig): string {
  switch (o.kind) {
    case 'sgd':
      return `torch.optim.SGD(model.parameters(), lr=${py(o.lr)}, momentum=${py(o.momentum)}, nesterov=${py(o.nesterov)}, weight_decay=${py(o.weightDecay)})`;
    case 'adam':
      return `torch.optim.Adam(model.parameters(), lr=${py(o.lr)}, betas=(${py(o.beta1)}, ${py(o.beta2)}), eps=${py(o.eps)}, weight_decay=${py(o.weightDecay)})`;
    case 'rmsprop':
      return `torch.optim.RMSprop(model.parameters(), lr=${py(o.lr)}, alpha=${py(o.alpha)}, eps=${py(o.eps)}, momentum=${py(o.momentum)}, weight_decay=${py(o.weightDecay)})`;
  }
}

function clipLine(config: RunConfig): string {
  if (config.clip === 'norm') return `        torch.nn.utils.clip_grad_norm_(model.parameters(), ${py(config.clipValue)})`;
  if (config.clip === 'value') return `        torch.nn.utils.clip_grad_value_(model.parameters(), ${py(config.clipValue)})`;
  return '        # no gradient clipping (as on the page)';
}

export function pytorchScript(input: ScriptInput): string {
  const { config, model, step } = input;
  if (model.peephole) throw new ScriptUnsupportedError('peephole');
  if (model.cell === 'lstm' && (model.gateActivation !== 'sigmoid' || model.stateActivation !== 'tanh')) throw new ScriptUnsupportedError('activation');
  const crossEntropy = isCrossEntropy(input);
  const lossLines = crossEntropy
    ? ['loss_fn = nn.CrossEntropyLoss()', 'def loss_of(out, y):', '    return loss_fn(out.reshape(-1, out.shape[-1]), y.reshape(-1))']
    : ['loss_fn = nn.MSELoss()', 'def loss_of(out, y):', '    return loss_fn(out, y)'];
  const truncateNote = config.truncate > 0 ? [`# The page used truncated BPTT in chunks of ${config.truncate} steps; this loop backpropagates through the whole window.`] : [];
  return [
    '"""',
    `Continue an LSTM Lens run in PyTorch: ${MODULE_CLASS[model.cell]}, hidden size ${model.hiddenSize}, ${model.numLayers} layer(s), task '${config.task}', after ${step} step(s).`,
    '',
    'Needs:  pip install torch safetensors',
    `Run:    python ${scriptFileName(input)} --weights ${input.weightsFile} --steps 1000`,
    '"""',
    'import argparse',
    'import math',
    '',
    'import torch',
    'from torch import nn',
    'from safetensors.torch import load_file, save_file',
    '',
    '# The page computes in float64; so does this script, so the exported weights load without rounding.',
    'torch.set_default_dtype(torch.float64)',
    '',
    RNG.trim(),
    '',
    ...dataSection(input),
    '',
    '',
    ...moduleSection(model),
    '',
    '',
    ...lossLines,
    '',
    '',
    'def main():',
    '    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)',
    `    parser.add_argument('--weights', default=${py(input.weightsFile)})`,
    "    parser.add_argument('--steps', type=int, default=1000)",
    `    parser.add_argument('--out', default=${py(`${input.weightsFile.replace(/\.safetensors$/, '')}-continued.safetensors`)})`,
    '    args = parser.parse_args()',
    '',
    '    model = Net()',
    '    model.load_state_dict({k: v.double() for k, v in load_file(args.weights).items()})',
    `    optimizer = ${optimizerLine(input.optimizer)}`,
    `    # The page's data stream at step ${step}: the next batches are the ones the page would have drawn.`,
    `    rng = PageRng(${py(input.dataRng)})`,
    `    batch_size = ${config.batchSize}`,
    ...truncateNote.map((l) => `    ${l}`),
    `    for step in range(${step + 1}, ${step + 1} + args.steps):`,
    '        x, y = train_batch(rng, batch_size)',
    '        optimizer.zero_grad()',
    '        loss = loss_of(model(x), y)',
    '        loss.backward()',
    clipLine(config),
    '        optimizer.step()',
    '        if step % 100 == 0:',
    "            print(f'step {step}: loss {loss.item():.6f}')",
    '    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, args.out)',
    "    print(f'saved {args.out} (open it in LSTM Lens to look inside)')",
    '',
    '',
    "if __name__ == '__main__':",
    '    main()',
    '',
  ].join('\n');
}

function isCrossEntropy(input: ScriptInput): boolean {
  const t = input.config.task;
  if (t === 'frequency' || t === 'firstSymbol' || t === 'temporalOrder') return true;
  return input.taskMeta?.kind === 'classification' || input.taskMeta?.kind === 'text';
}

export function scriptFileName(input: Pick<ScriptInput, 'weightsFile'>): string {
  return `${input.weightsFile.replace(/\.safetensors$/, '')}.py`;
}
