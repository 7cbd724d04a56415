/**
 * Test-only: runs on in-memory workers (FakeWorker) and the providers a component needs to show one. Import
 * it only from *.test.* files.
 */
import { createElement, type ReactNode } from 'react';
import { createUiStore, UiProvider, type UiStore } from '../store/uiStore.ts';
import type { AppState } from '../store/appStore.ts';
import { FakeWorker } from './fakeWorker.ts';
import { TrainerClient, type TaskDataSource } from '../client/trainerClient.ts';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../contracts/runConfig.ts';
import { createAppStore } from '../store/appStore.ts';
import { FrameBus } from '../store/frameBus.ts';
import { runFactory, type Run, type RunFactory } from '../client/run.ts';
import { RunProvider } from '../client/runContext.ts';

/** A run small enough to train many steps in a unit test. */
export const SMALL_RUN: RunConfig = { ...DEFAULT_RUN_CONFIG, seqLen: 10, hiddenSize: 6, batchSize: 4 };

/** A trainer client on a FakeWorker with its own store and frame bus (deliver() the worker's replies by hand). */
export function fakeClient() {
  const store = createAppStore();
  const bus = new FrameBus();
  const worker = new FakeWorker();
  const client = new TrainerClient(store, bus, () => worker);
  return { store, bus, worker, client };
}

/** A run factory whose workers are FakeWorkers, collected in `workers` (deliver() their replies by hand). */
export function fakeRunFactory(workers: FakeWorker[] = [], data: TaskDataSource | null = null): RunFactory {
  return runFactory({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    data,
  });
}

/** One run on a FakeWorker, for component tests that fill its store and frames by hand. */
export function testRun(init: Partial<AppState> = {}): Run {
  return fakeRunFactory()({ init });
}

/** `node` shown with `run` in context and a UI store (English unless told otherwise). */
export function withRun(node: ReactNode, run: Run, ui: UiStore = createUiStore()): ReactNode {
  return createElement(UiProvider, { store: ui, children: createElement(RunProvider, { run, children: node }) });
}
