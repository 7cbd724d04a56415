/**
 * The two texts the activation view can colour, as Sources (so colours repaint without re-rendering React):
 * the probe window of the frame on show (live, follows the training-history scrubber), or the longer passage
 * the worker runs at the evaluation's low rate. The characters come from the task's meta, which the worker
 * sends once per run ('taskMeta'): the page never rebuilds the vocabulary itself, so they cannot disagree.
 */
import { shownFrame, subscribeShown } from '../../client/frameView.ts';
import type { Run } from '../../client/run.ts';
import type { AppState } from '../../store/appStore.ts';
import type { TextMeta } from '../../tasks/text.ts';
import type { Source } from '../../client/source.ts';
import type { ProbeFrame, TextEvaluationResult } from '../../contracts/protocol.ts';
import type { SignalTraces } from './textViews.ts';

export type TextSourceKind = 'passage' | 'window';

export interface TextTrace {
  chars: readonly string[];
  T: number;
  H: number;
  layers: readonly SignalTraces[];
  /** Training step of the weights. */
  step: number;
}

export function textMeta(s: Pick<AppState, 'taskMeta'>): TextMeta | null {
  return s.taskMeta?.kind === 'text' ? s.taskMeta : null;
}

export function textEvaluation(s: Pick<AppState, 'evaluation'>): TextEvaluationResult | null {
  return s.evaluation?.kind === 'text' ? s.evaluation : null;
}

/** The passage with the states of the latest evaluation; null before the first one (or if the two disagree). */
export function passageTrace(s: Pick<AppState, 'taskMeta' | 'evaluation'>): TextTrace | null {
  const meta = textMeta(s);
  const e = textEvaluation(s);
  if (!meta || !e || e.passage.T !== meta.passage.length) return null;
  return { chars: meta.passage, T: e.passage.T, H: e.passage.H, layers: e.passage.layers, step: e.step };
}

/** The probe window of the frame on show; null while the frame and the meta belong to different runs. */
export function windowTrace(s: Pick<AppState, 'taskMeta'>, f: ProbeFrame | null): TextTrace | null {
  const meta = textMeta(s);
  if (!meta || !f || f.T !== meta.probe.input.length) return null;
  return { chars: meta.probe.input, T: f.T, H: f.H, layers: f.layers, step: f.step };
}

/** The run's two texts as Sources. */
export function textSources(run: Run): Record<TextSourceKind, Source<TextTrace>> {
  const { store } = run;
  const passage: Source<TextTrace> = {
    read: () => passageTrace(store.getState()),
    subscribe: (onChange) =>
      store.subscribe((s, prev) => {
        if (s.evaluation !== prev.evaluation || s.taskMeta !== prev.taskMeta) onChange();
      }),
  };
  const window: Source<TextTrace> = {
    read: () => windowTrace(store.getState(), shownFrame(run, store)),
    subscribe: (onChange) => {
      const offFrames = subscribeShown(run, store, onChange);
      const offMeta = store.subscribe((s, prev) => {
        if (s.taskMeta !== prev.taskMeta) onChange();
      });
      return () => {
        offFrames();
        offMeta();
      };
    },
  };
  return { passage, window };
}
