import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, appStore } from '../../store/appStore.ts';
import { FrameBus, frameBus } from '../../store/frameBus.ts';
import { syntheticFrame } from '../gates/syntheticFrame.ts';
import { entryAtOrBefore, modelFrame, modelsSource } from './modelFrames.ts';

const frameAt = (step: number) => syntheticFrame('lstm', 4, 2, 1, step);

afterEach(() => {
  frameBus.clear();
  appStore.setState((s) => ({ selection: { ...s.selection, historyIndex: null } }));
});

describe('entryAtOrBefore', () => {
  it('finds the latest snapshot at or before a step', () => {
    const h = [0, 2, 4, 8].map((step) => ({ step, frame: frameAt(step) }));
    expect(entryAtOrBefore(h, 5)?.step).toBe(4);
    expect(entryAtOrBefore(h, 8)?.step).toBe(8);
    expect(entryAtOrBefore(h, 100)?.step).toBe(8);
    expect(entryAtOrBefore(h, -1)).toBeNull();
    expect(entryAtOrBefore([], 3)).toBeNull();
  });
});

describe('modelFrame', () => {
  it('shows each racer live, or at the training step the page’s history scrubber points at', () => {
    const variant = { id: 'lstm', patch: { cell: 'lstm' as const }, setting: null };
    const model = { id: 'lstm', variant, cell: 'lstm' as const, color: '#0072b2', store: createAppStore(), bus: new FrameBus() };
    for (const step of [0, 1, 2, 3, 4, 5, 6]) model.bus.publish(frameAt(step));
    expect(modelFrame(model)?.step).toBe(6);
    // The page (the focused racer) shows snapshots of steps 0 and 3; the cursor at step 3 picks this racer's step 3.
    frameBus.publish(frameAt(0));
    frameBus.publish(frameAt(3));
    const seen: number[] = [];
    const off = modelsSource([model], ([f]) => f?.step ?? null).subscribe(() => seen.push(1));
    appStore.setState((s) => ({ selection: { ...s.selection, historyIndex: 1 } }));
    expect(modelFrame(model)?.step).toBe(3);
    expect(seen).toHaveLength(1);
    model.bus.publish(frameAt(7));
    expect(seen).toHaveLength(2);
    off();
  });
});
