// THROWAWAY harness for screenshots; deleted before hand-off.
import { createRoot } from 'react-dom/client';
import '../../styles/app.css';
import '../../viz/viz.css';
import { appStore } from '../../store/appStore.ts';
import { frameBus } from '../../store/frameBus.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../../store/runConfig.ts';
import { buildRun, stepOptionsOf } from '../../worker/buildRun.ts';
import { ProbeRecorder } from '../../worker/probeFrame.ts';
import { LossBuffers, trainStep } from '../../engine/train.ts';
import { CellPanel } from './CellPanel.tsx';

const q = new URLSearchParams(location.search);
const config: RunConfig = {
  ...DEFAULT_RUN_CONFIG,
  cell: (q.get('cell') as RunConfig['cell']) ?? 'lstm',
  peephole: q.get('peephole') === '1',
  numLayers: Number(q.get('layers') ?? 1),
  hiddenSize: Number(q.get('H') ?? 12),
  truncate: Number(q.get('truncate') ?? 0),
  task: (q.get('task') as RunConfig['task']) ?? 'sine',
};
const run = buildRun(config);
const buffers = new LossBuffers();
const opts = stepOptionsOf(config, run.task);
const steps = Number(q.get('steps') ?? 200);
for (let s = 0; s < steps; s++) trainStep(run.net, run.optimizer, run.task.trainBatch(run.data, config.batchSize), opts, buffers);
const frame = new ProbeRecorder(run.probeNet, run.task.probe, run.task.loss).capture(steps, config.truncate);
appStore.setState({
  config,
  lang: (q.get('lang') as 'en' | 'zh') ?? 'en',
  selection: { t: Number(q.get('t') ?? 12), layer: Number(q.get('layer') ?? 0), unit: Number(q.get('unit') ?? 2), walk: (q.get('walk') as 'forward' | 'backward') ?? 'forward', historyIndex: null },
});
frameBus.publish(frame);
const width = Number(q.get('width') ?? 780);
createRoot(document.getElementById('root') as HTMLElement).render(
  <div style={{ width }}>
    <CellPanel />
  </div>,
);
