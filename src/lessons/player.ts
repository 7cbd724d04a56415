/**
 * The lesson player's logic, free of React and the DOM: the state machine over a lesson's steps, what
 * entering a step does to the run (the plan), whether the student has done what a step waits for, and the
 * `?lesson=<id>&lstep=<n>` deep link.
 */
import type { AppState, Selection } from '../store/appStore.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { LESSON_KEY, LESSON_STEP_KEY, parseUrl, PROPS, serializeUrl } from '../contracts/urlCodec.ts';
import { checkpointById } from '../models/checkpoints.ts';
import type { Lesson, LessonStep, StepRun, StepWait } from './types.ts';

export interface LessonState {
  lessonId: string;
  /** 0-based step index. */
  step: number;
  /** The choice made on each question step so far (by step index): going back and forth keeps the answer. */
  answers: Readonly<Record<number, number>>;
  /** How the current step was reached: a jump (open, deep link) sets up its run from scratch; next/prev keep it when the step says so. */
  entry: 'open' | 'move';
  /** Bumped on every entry, so re-entering the same step sets it up again. */
  visit: number;
}

export type LessonEvent =
  | { type: 'open'; lessonId: string; step?: number }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'choose'; choice: number }
  | { type: 'exit' };

export function findLesson(lessons: readonly Lesson[], id: string): Lesson | null {
  return lessons.find((l) => l.id === id) ?? null;
}

const clampStep = (lesson: Lesson, step: number): number => Math.max(0, Math.min(lesson.steps.length - 1, Math.floor(step)));

/** The next state; null = no lesson (closed). Events that make no sense (next on the last step) change nothing. */
export function reduceLesson(state: LessonState | null, event: LessonEvent, lessons: readonly Lesson[]): LessonState | null {
  if (event.type === 'open') {
    const lesson = findLesson(lessons, event.lessonId);
    if (!lesson) return state;
    return { lessonId: lesson.id, step: clampStep(lesson, event.step ?? 0), answers: {}, entry: 'open', visit: (state?.visit ?? 0) + 1 };
  }
  if (!state) return null;
  const lesson = findLesson(lessons, state.lessonId);
  if (!lesson || event.type === 'exit') return null;
  switch (event.type) {
    case 'next':
    case 'prev': {
      const step = clampStep(lesson, state.step + (event.type === 'next' ? 1 : -1));
      return step === state.step ? state : { ...state, step, entry: 'move', visit: state.visit + 1 };
    }
    case 'choose': {
      const q = lesson.steps[state.step].question;
      // The first answer counts: changing it after seeing the answer would make the question pointless.
      if (!q || event.choice < 0 || event.choice >= q.choices.length || state.answers[state.step] !== undefined) return state;
      return { ...state, answers: { ...state.answers, [state.step]: event.choice } };
    }
  }
}

/** The step that sets up the run step `index` runs on: itself, or the nearest earlier one that names a run. */
function runSource(lesson: Lesson, index: number): StepRun | null {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--) {
    const run = lesson.steps[i].run;
    if (run.kind !== 'keep') return run;
  }
  return null;
}

/** The configuration a step runs on: its own, or that of the nearest earlier step that names one. */
export function resolvedConfig(lesson: Lesson, index: number): RunConfig {
  const source = runSource(lesson, index);
  if (source?.kind === 'checkpoint') {
    const checkpoint = checkpointById(source.id);
    if (!checkpoint) throw new Error(`lesson ${lesson.id}: no trained model '${source.id}'`);
    return checkpoint.config;
  }
  return parseUrl(source?.kind === 'config' ? source.query : '').config;
}

/**
 * The training step a step pauses at. Reached by a jump, a "keep the current run" step also replays the
 * training of the steps before it, back to the one that set up the run: a deep link shows what the walk would.
 */
export function resolvedTrainTo(lesson: Lesson, index: number, entry: LessonState['entry']): number | undefined {
  const own = lesson.steps[index].trainTo;
  if (entry !== 'open') return own;
  let best = own;
  for (let i = index; i >= 0; i--) {
    const s = lesson.steps[i];
    if (s.trainTo !== undefined) best = Math.max(best ?? 0, s.trainTo);
    if (s.run.kind !== 'keep') break;
  }
  return best;
}

/** Two configurations describe the same run when they give the same link. */
function sameRun(a: RunConfig, b: RunConfig): boolean {
  return serializeUrl(a, 'en', 'en') === serializeUrl(b, 'en', 'en');
}

/** What entering a step does: start a new run (or not), train how many steps, and where the cursors go. */
export interface StepPlan {
  start: RunConfig | null;
  /** A trained model to open instead (its id): the run then continues from its step. */
  checkpoint: string | null;
  /** Training steps to take (after the start, if any), then pause. */
  train: number;
  /** Pause training when the step opens (it sets up a picture that must hold). */
  pause: boolean;
  selection: Partial<Pick<Selection, 't' | 'walk' | 'unit' | 'layer'>>;
}

export function planStep(lesson: Lesson, state: Pick<LessonState, 'step' | 'entry'>, run: Pick<AppState, 'config' | 'step'>): StepPlan {
  const step = lesson.steps[state.step];
  // Back and Next honour "keep the current run"; a jump into the middle of a lesson rebuilds what it needs.
  const rebuild = step.run.kind !== 'keep' || state.entry === 'open';
  const source = rebuild ? runSource(lesson, state.step) : null;
  const wants = rebuild ? resolvedConfig(lesson, state.step) : null;
  const differs = wants !== null && !sameRun(wants, run.config);
  const trainTo = resolvedTrainTo(lesson, state.step, state.entry);
  // A trained model opens at its own step: on entering its step, or when the run is another one.
  const checkpoint = source?.kind === 'checkpoint' ? checkpointById(source.id) : null;
  const reopen = checkpoint !== null && (step.run.kind === 'checkpoint' ? run.step !== checkpoint.steps || differs : differs);
  // A run already past the step to pause at cannot go back: the same config restarts and trains again (same seed, same picture).
  const overshot = wants !== null && checkpoint === null && trainTo !== undefined && run.step > trainTo;
  const start = checkpoint === null && (differs || overshot) ? wants : null;
  const from = reopen ? checkpoint.steps : start ? 0 : run.step;
  const train = trainTo === undefined ? 0 : Math.max(0, trainTo - from);
  const config = start ?? (reopen ? checkpoint.config : run.config);
  const selection: StepPlan['selection'] = {};
  if (step.select?.t !== undefined) selection.t = step.select.t === 'last' ? config.seqLen - 1 : Math.min(step.select.t, config.seqLen - 1);
  if (step.select?.walk) selection.walk = step.select.walk;
  if (step.select?.unit !== undefined) selection.unit = Math.min(step.select.unit, config.hiddenSize - 1);
  if (step.select?.layer !== undefined) selection.layer = step.select.layer === 'top' ? config.numLayers - 1 : Math.min(step.select.layer, config.numLayers - 1);
  const opens = start !== null || reopen;
  return { start, checkpoint: reopen ? checkpoint.id : null, train, pause: opens || trainTo !== undefined || step.question !== undefined, selection };
}

/** The part of the page's state a wait condition reads, and the training step when the step opened. */
export type WaitView = Pick<AppState, 'step' | 'status' | 'selection' | 'gradCheck' | 'config'>;

export function waitDone(wait: StepWait | undefined, app: WaitView, stepAtEntry: number): boolean {
  if (!wait) return true;
  switch (wait.kind) {
    case 'step':
      return app.step > stepAtEntry;
    case 'play':
      return app.status === 'playing' || app.step > stepAtEntry + 1;
    case 'timestep':
      return app.selection.t === wait.t;
    case 'walk':
      return app.selection.walk === wait.walk;
    case 'gradCheck':
      return app.gradCheck.status === 'done';
    case 'config': {
      const field = configFieldOfKey(wait.key);
      if (!field) return false;
      const spec = PROPS[field] as unknown as { serialize(v: unknown): string };
      return spec.serialize(app.config[field]) === wait.value;
    }
  }
}

export function configFieldOfKey(key: string): keyof RunConfig | null {
  return (Object.keys(PROPS) as (keyof RunConfig)[]).find((f) => PROPS[f].key === key) ?? null;
}

/** Whether the step's picture may be shown: always, or once its question has an answer. */
export function revealed(step: LessonStep, answer: number | undefined): boolean {
  return !step.question || answer !== undefined;
}

export type LessonLink = { ok: true; lessonId: string; step: number } | { ok: false; lessonId: string } | null;

/** `?lesson=<id>&lstep=<n>` (n 1-based, as the progress line counts) → the step to open; null without a lesson. */
export function parseLessonLink(search: string, lessons: readonly Lesson[]): LessonLink {
  const params = new URLSearchParams(search);
  const id = params.get(LESSON_KEY);
  if (id === null) return null;
  const lesson = findLesson(lessons, id);
  if (!lesson) return { ok: false, lessonId: id };
  const n = Number(params.get(LESSON_STEP_KEY) ?? '1');
  const step = Number.isInteger(n) ? clampStep(lesson, n - 1) : 0;
  return { ok: true, lessonId: lesson.id, step };
}

/** The query string with the lesson link set (or removed, for null), every other parameter kept as it was. */
export function withLessonLink(search: string, link: { lessonId: string; step: number } | null): string {
  const params = new URLSearchParams(search);
  params.delete(LESSON_KEY);
  params.delete(LESSON_STEP_KEY);
  if (link) {
    params.set(LESSON_KEY, link.lessonId);
    params.set(LESSON_STEP_KEY, String(link.step + 1));
  }
  return params.toString();
}

/** Keyboard: →/PageDown next, ←/PageUp back (presentation clickers send PageDown/PageUp), Esc leaves. */
export function lessonKeyAction(key: string): 'next' | 'prev' | 'exit' | null {
  if (key === 'ArrowRight' || key === 'PageDown') return 'next';
  if (key === 'ArrowLeft' || key === 'PageUp') return 'prev';
  if (key === 'Escape') return 'exit';
  return null;
}
