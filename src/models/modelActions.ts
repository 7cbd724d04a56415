/**
 * What the model controls do, as functions of the run's store and trainer controls (so the page wiring
 * stays thin): open a file (model or session), accept an offer for a model that does not fit, export the
 * weights or a PyTorch script, save the session. A file that cannot be used never reaches the trainer, so the
 * current run stays as it was.
 */
import type { RunStart, TrainerControls } from '../contracts/runControls.ts';
import type { ModelConfig } from '../engine/config.ts';
import type { AppStore } from '../store/appStore.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { taskSwitchPatch } from '../contracts/taskSwitch.ts';
import { getUserCsv, setUserCsv } from '../tasks/userData.ts';
import { checkFit, generatedTaskSizes, importedRunConfig, importResume, type FitOffer } from './fit.ts';
import { modelFileStem, modelToSafetensors, modelToStateDictJson } from './modelFile.ts';
import type { ReadResult } from './modelReader.ts';
import { modelUi, type ModelMessage } from './modelUi.ts';
import { pytorchScript, scriptFileName, ScriptUnsupportedError } from './pytorchScript.ts';
import { encodeSession, resumeOf, sameData, sessionData, type SavedSession } from './sessionFile.ts';
import { optimizerConfigOf } from '../trainer/buildRun.ts';
import { isDataTask } from '../tasks/registry.ts';
import { appRoot } from '../client/taskData.ts';
import { loadCheckpoint, type Checkpoint } from './checkpoints.ts';

const CELL_NAMES = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN' } as const;

function say(message: ModelMessage | null): void {
  modelUi.setState({ message });
}

function fail(fileName: string, e: unknown): void {
  say({ kind: 'error', key: 'models.openFailed', vars: { file: fileName, message: e instanceof Error ? e.message : String(e) } });
}

/** Start a run from weights; autosave keeps such a run even before its first step. */
function startFrom(store: AppStore, client: TrainerControls, config: RunConfig, from: RunStart): void {
  if (!client.startFrom) throw new Error('this page cannot start a run from saved weights');
  client.startFrom(config, from);
  const runId = store.getState().runId;
  modelUi.setState((s) => ({ weightRuns: [...s.weightRuns, runId], pending: null }));
}

function openedMessage(fileName: string, model: ModelConfig, outputSize: number): ModelMessage {
  return {
    kind: 'info',
    key: 'models.opened',
    vars: { file: fileName, cell: CELL_NAMES[model.cell], layers: model.numLayers, hidden: model.hiddenSize, input: model.inputSize, output: outputSize },
  };
}

/** A model read from a file: opened at once when it fits the task, else kept with the offers that would fit. */
function openModel(store: AppStore, client: TrainerControls, fileName: string, model: ModelConfig, weights: Float64Array): void {
  const { config, summary } = store.getState();
  const others = generatedTaskSizes(config);
  const sizes = summary ?? (isDataTask(config.task) ? null : others[config.task]);
  if (!sizes) throw new Error('the current task is not ready yet; try again in a moment');
  const fit = checkFit(model, sizes, others, config.task);
  if (!fit.fits) {
    modelUi.setState({ pending: { fileName, model, weights, fit }, message: null });
    return;
  }
  startFrom(store, client, importedRunConfig(config, model), { resume: importResume(model, weights, false) });
  say(openedMessage(fileName, model, sizes.outputSize));
}

/** The user's choice for a model that did not fit. */
export function acceptOffer(store: AppStore, client: TrainerControls, offer: FitOffer): void {
  const pending = modelUi.getState().pending;
  if (!pending) return;
  const { config } = store.getState();
  const { model, weights, fileName } = pending;
  const base = offer.kind === 'task' ? { ...config, ...taskSwitchPatch(config, offer.task) } : config;
  const newHead = offer.kind === 'newHead' || offer.newHead;
  const sizes = generatedTaskSizes(config);
  const outputSize = offer.kind === 'task' ? sizes[offer.task].outputSize : pending.fit.output.task;
  startFrom(store, client, importedRunConfig(base, model), { resume: importResume(model, weights, newHead) });
  say(openedMessage(fileName, model, outputSize));
}

export function cancelPending(): void {
  modelUi.setState({ pending: null });
}

/** A saved session: its data must be here (inside the file, or the same CSV loaded on the page). */
export function openSession(store: AppStore, client: TrainerControls, fileName: string, session: SavedSession): void {
  const data = session.data;
  if (data?.kind === 'fingerprint' && !sameData(data.fingerprint, getUserCsv())) {
    const f = data.fingerprint;
    say({ kind: 'error', key: 'models.sessionNeedsData', vars: { file: f.name, rows: f.rows, columns: f.columns.join(', ') } });
    return;
  }
  if (data?.kind === 'csv') setUserCsv(data.csv);
  startFrom(store, client, session.config, { resume: resumeOf(session), loss: session.loss });
  say({ kind: 'info', key: 'models.openedSession', vars: { file: fileName, step: session.snapshot.step } });
}

/**
 * A shipped trained model, fetched and opened as the current run; resolves false (and says why) when it could
 * not be fetched or read. `stillWanted` drops a model that arrives after the user moved on.
 */
export async function openCheckpoint(store: AppStore, client: TrainerControls, checkpoint: Checkpoint, stillWanted: () => boolean = () => true): Promise<boolean> {
  try {
    const session = await loadCheckpoint(checkpoint, appRoot());
    if (stillWanted()) openSession(store, client, checkpoint.file, session);
    return true;
  } catch (err) {
    say({ kind: 'error', key: 'models.checkpointFailed', vars: { message: err instanceof Error ? err.message : String(err) } });
    return false;
  }
}

export function openReadResult(store: AppStore, client: TrainerControls, fileName: string, result: ReadResult): void {
  try {
    if (result.kind === 'model') openModel(store, client, fileName, result.model, result.weights);
    else openSession(store, client, fileName, result.session);
  } catch (e) {
    fail(fileName, e);
  }
}

/** Reads a file (in the reader worker) and opens it; any failure is a message and leaves the run alone. */
export async function openFile(
  store: AppStore, client: TrainerControls, file: File,
  read: (file: File, nonlinearity: RunConfig['nonlinearity'], onProgress: (f: number) => void) => Promise<ReadResult>,
): Promise<void> {
  modelUi.setState({ reading: { fileName: file.name, fraction: 0 }, message: null, pending: null });
  try {
    const result = await read(file, store.getState().config.nonlinearity, (fraction) => modelUi.setState({ reading: { fileName: file.name, fraction } }));
    openReadResult(store, client, file.name, result);
  } catch (e) {
    fail(file.name, e);
  } finally {
    modelUi.setState({ reading: null });
  }
}

export interface Download {
  name: string;
  type: string;
  content: Uint8Array | string;
}

export type ExportKind = 'safetensors' | 'stateDict' | 'pytorch' | 'session';

/** The file an export gives for the current run (captured from the worker at full precision). */
export async function exportFile(store: AppStore, client: TrainerControls, kind: ExportKind): Promise<Download | null> {
  if (!client.snapshot || store.getState().config.compare !== 'off') {
    say({ kind: 'error', key: 'models.raceNotSaved', vars: {} });
    return null;
  }
  try {
    const capture = await client.snapshot();
    const { model, weights, step } = capture.snapshot;
    const stem = modelFileStem(model, step);
    switch (kind) {
      case 'safetensors':
        return { name: `${stem}.safetensors`, type: 'application/octet-stream', content: modelToSafetensors(model, weights) };
      case 'stateDict':
        return { name: `${stem}.json`, type: 'application/json', content: modelToStateDictJson(model, weights) };
      case 'pytorch': {
        const input = {
          config: capture.config,
          model,
          optimizer: optimizerConfigOf(capture.config),
          step,
          dataRng: capture.snapshot.dataRng,
          taskMeta: store.getState().taskMeta,
          weightsFile: `${stem}.safetensors`,
        };
        return { name: scriptFileName(input), type: 'text/x-python', content: pytorchScript(input) };
      }
      case 'session': {
        const text = encodeSession({ config: capture.config, snapshot: capture.snapshot, loss: capture.loss, data: sessionData(capture.config, getUserCsv()), savedAt: Date.now() });
        return { name: `${stem}.session.json`, type: 'application/json', content: text };
      }
    }
  } catch (e) {
    if (e instanceof ScriptUnsupportedError) say({ kind: 'error', key: e.reason === 'peephole' ? 'models.scriptPeephole' : 'models.scriptActivation', vars: {} });
    else say({ kind: 'error', key: 'models.exportFailed', vars: { message: e instanceof Error ? e.message : String(e) } });
    return null;
  }
}
