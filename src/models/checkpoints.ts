/**
 * Trained models shipped with the app (public/checkpoints/, made by `npm run checkpoints` with the project's
 * own engine), so a lesson can start from trained behaviour instead of step 0. Each is a session file: its
 * configuration, weights, optimiser and data-stream state and loss history, so Play continues the training
 * exactly as if it had run in the page.
 */
import type { MessageKey } from '../i18n/i18n.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { taskSwitchPatch } from '../contracts/taskSwitch.ts';
import { decodeSession, type SavedSession } from './sessionFile.ts';

export interface Checkpoint {
  id: string;
  /** File under the app's checkpoints/ folder. */
  file: string;
  title: MessageKey;
  /** The run it was trained as. */
  config: RunConfig;
  steps: number;
  /** Stored as a trained model (float32 weights, no optimiser state) rather than as an exact session. */
  trainedModel?: boolean;
}

/** The long-range memory setting of the README's result (hidden 16, batch 32, Adam 0.01, clipping at norm 1). */
const ADDING: Partial<RunConfig> = {
  task: 'adding', seqLen: 50, hiddenSize: 16, batchSize: 32, optimizer: 'adam', learningRate: 0.01, clip: 'norm', clipValue: 1, forgetBias: 1,
};

export const CHECKPOINTS: readonly Checkpoint[] = [
  { id: 'sine-lstm', file: 'sine-lstm.session.json', title: 'models.ckpt.sine', config: DEFAULT_RUN_CONFIG, steps: 400 },
  { id: 'adding-lstm', file: 'adding-lstm.session.json', title: 'models.ckpt.addingLstm', config: { ...DEFAULT_RUN_CONFIG, ...ADDING, cell: 'lstm' }, steps: 1000 },
  { id: 'adding-rnn', file: 'adding-rnn.session.json', title: 'models.ckpt.addingRnn', config: { ...DEFAULT_RUN_CONFIG, ...ADDING, cell: 'rnn' }, steps: 1000 },
  // The page's own Tang-poem setting (500 characters + unknown, hidden 12): what a class would train, further along.
  { id: 'tang-lstm', file: 'tang-lstm.session.json', title: 'models.ckpt.tang', config: { ...DEFAULT_RUN_CONFIG, ...taskSwitchPatch(DEFAULT_RUN_CONFIG, 'tangHans') }, steps: 3000, trainedModel: true },
];

export function checkpointById(id: string): Checkpoint | null {
  return CHECKPOINTS.find((c) => c.id === id) ?? null;
}

/** A shipped checkpoint, fetched from the app's own checkpoints/ folder (relative to the page). */
export async function loadCheckpoint(checkpoint: Checkpoint, root: string | URL, fetchFn: typeof fetch = fetch): Promise<SavedSession> {
  const response = await fetchFn(new URL(`checkpoints/${checkpoint.file}`, root));
  if (!response.ok) throw new Error(`${checkpoint.file}: HTTP ${response.status}`);
  return decodeSession(await response.text());
}
