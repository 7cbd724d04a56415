import { describe, expect, it } from 'vitest';
import { initialState, type AppState } from '../store/appStore.ts';
import { DEFAULT_RUN_CONFIG } from '../contracts/runConfig.ts';
import { parseUrl } from '../contracts/urlCodec.ts';
import {
  lessonKeyAction, parseLessonLink, planStep, reduceLesson, resolvedConfig, resolvedTrainTo, revealed, waitDone, withLessonLink, type LessonState,
} from './player.ts';
import { checkpointById } from '../models/checkpoints.ts';
import type { Lesson, LessonStep } from './types.ts';

const text = { en: 'A. B.', zh: '甲。乙。' };
const step = (over: Partial<LessonStep>): LessonStep => ({
  title: text, body: text, concepts: ['unrolled'], run: { kind: 'keep' }, show: ['panel-cell'], highlight: 'panel-cell', ...over,
});

const LESSON: Lesson = {
  id: 'demo',
  title: text,
  summary: text,
  minutes: 3,
  steps: [
    step({ run: { kind: 'config', query: 'cell=rnn&seq=10' }, trainTo: 20 }),
    step({ question: { prompt: text, choices: [text, text, text], answer: 2, explain: text } }),
    step({ trainTo: 50, select: { t: 'last', walk: 'backward' } }),
    step({ run: { kind: 'config', query: 'cell=gru' }, wait: { kind: 'step' }, task: text }),
  ],
};
const LESSONS = [LESSON];

const open = (stepIndex = 0): LessonState => reduceLesson(null, { type: 'open', lessonId: 'demo', step: stepIndex }, LESSONS) as LessonState;
const run = (query: string, step: number): Pick<AppState, 'config' | 'step'> => ({ config: parseUrl(query).config, step });

const TRAINED: Lesson = {
  ...LESSON,
  id: 'trained',
  steps: [
    step({ run: { kind: 'config', query: 'task=adding&seq=8' } }),
    step({ run: { kind: 'checkpoint', id: 'adding-lstm' }, trainTo: 1005 }),
    step({ select: { unit: 99 } }),
  ],
};

describe('a step that opens a trained model', () => {
  const ckpt = checkpointById('adding-lstm')!;
  const onIt = (step: number): Pick<AppState, 'config' | 'step'> => ({ config: ckpt.config, step });

  it('opens the model on entering its step, and trains from the model\'s own step to the pause point', () => {
    expect(resolvedConfig(TRAINED, 1)).toEqual(ckpt.config);
    expect(resolvedConfig(TRAINED, 2)).toEqual(ckpt.config);
    expect(planStep(TRAINED, { step: 1, entry: 'move' }, run('task=adding&seq=8', 40))).toMatchObject({ start: null, checkpoint: 'adding-lstm', train: 5, pause: true });
    // Coming back after training on: open it again, at its step.
    expect(planStep(TRAINED, { step: 1, entry: 'move' }, onIt(1200))).toMatchObject({ checkpoint: 'adding-lstm', train: 5 });
    // Already there: nothing to open.
    expect(planStep(TRAINED, { step: 1, entry: 'move' }, onIt(ckpt.steps))).toMatchObject({ start: null, checkpoint: null, train: 5 });
  });

  it('a later step keeps the run, or opens the model again when a link jumps to it from another run', () => {
    expect(planStep(TRAINED, { step: 2, entry: 'move' }, onIt(1300))).toMatchObject({ start: null, checkpoint: null, train: 0 });
    const jump = planStep(TRAINED, { step: 2, entry: 'open' }, run('cell=gru', 3));
    expect(jump).toMatchObject({ start: null, checkpoint: 'adding-lstm', train: 5 });
    expect(jump.selection.unit).toBe(ckpt.config.hiddenSize - 1);
  });
});

describe('the lesson state machine', () => {
  it('opens at a step (clamped), moves with next/prev inside the lesson, and exits', () => {
    expect(open().step).toBe(0);
    expect(open(99).step).toBe(3);
    expect(reduceLesson(null, { type: 'open', lessonId: 'nope' }, LESSONS)).toBeNull();
    let s = open();
    s = reduceLesson(s, { type: 'next' }, LESSONS) as LessonState;
    expect(s).toMatchObject({ step: 1, entry: 'move' });
    expect(reduceLesson(open(3), { type: 'next' }, LESSONS)).toEqual(open(3));
    expect(reduceLesson(open(0), { type: 'prev' }, LESSONS)).toEqual(open(0));
    expect(reduceLesson(s, { type: 'exit' }, LESSONS)).toBeNull();
    expect(reduceLesson(null, { type: 'next' }, LESSONS)).toBeNull();
  });

  it('every entry is a new visit, so re-entering a step sets it up again', () => {
    const a = open(1);
    const b = reduceLesson(reduceLesson(a, { type: 'next' }, LESSONS), { type: 'prev' }, LESSONS) as LessonState;
    expect(b.step).toBe(1);
    expect(b.visit).toBe(a.visit + 2);
  });

  it('takes the first answer of a question only, keeps it when coming back, and reveals after it', () => {
    let s = open(1);
    expect(revealed(LESSON.steps[1], s.answers[1])).toBe(false);
    expect(reduceLesson(open(0), { type: 'choose', choice: 0 }, LESSONS)).toEqual(open(0));
    expect(reduceLesson(s, { type: 'choose', choice: 5 }, LESSONS)).toBe(s);
    s = reduceLesson(s, { type: 'choose', choice: 1 }, LESSONS) as LessonState;
    expect(s.answers[1]).toBe(1);
    expect(reduceLesson(s, { type: 'choose', choice: 2 }, LESSONS)).toBe(s);
    s = reduceLesson(reduceLesson(s, { type: 'next' }, LESSONS), { type: 'prev' }, LESSONS) as LessonState;
    expect(s.answers[1]).toBe(1);
    expect(revealed(LESSON.steps[1], s.answers[1])).toBe(true);
    expect(revealed(LESSON.steps[0], undefined)).toBe(true);
  });
});

describe('what entering a step does', () => {
  it('starts the step’s run when the current one differs, and trains to its pause point', () => {
    const plan = planStep(LESSON, { step: 0, entry: 'open' }, run('', 0));
    expect(plan.start).toEqual(parseUrl('cell=rnn&seq=10').config);
    expect(plan).toMatchObject({ train: 20, pause: true });
  });

  it('keeps a run that is already the step’s, training only the missing steps', () => {
    expect(planStep(LESSON, { step: 0, entry: 'move' }, run('cell=rnn&seq=10', 5))).toMatchObject({ start: null, train: 15 });
  });

  it('restarts a run already past the pause point (same seed, same picture)', () => {
    const plan = planStep(LESSON, { step: 0, entry: 'move' }, run('cell=rnn&seq=10', 80));
    expect(plan.start).not.toBeNull();
    expect(plan.train).toBe(20);
  });

  it('"keep the current run" keeps whatever runs on Next/Back, but a jump rebuilds the lesson’s run and its training', () => {
    expect(planStep(LESSON, { step: 1, entry: 'move' }, run('cell=lstm', 3))).toMatchObject({ start: null, train: 0, pause: true });
    const jump = planStep(LESSON, { step: 1, entry: 'open' }, run('cell=lstm', 3));
    expect(jump.start).toEqual(resolvedConfig(LESSON, 1));
    expect(jump.train).toBe(20);
    expect(resolvedTrainTo(LESSON, 2, 'open')).toBe(50);
    expect(resolvedTrainTo(LESSON, 3, 'open')).toBeUndefined();
  });

  it('puts the cursors where the step wants them, inside the run', () => {
    const plan = planStep(LESSON, { step: 2, entry: 'move' }, run('cell=rnn&seq=10', 20));
    expect(plan.selection).toEqual({ t: 9, walk: 'backward' });
    const top = planStep({ ...LESSON, steps: [step({ run: { kind: 'config', query: 'layers=3' }, select: { layer: 'top', unit: 99 } })] }, { step: 0, entry: 'open' }, run('', 0));
    expect(top.selection).toEqual({ layer: 2, unit: DEFAULT_RUN_CONFIG.hiddenSize - 1 });
    expect(plan.train).toBe(30);
  });
});

describe('waiting for the student', () => {
  const app = (over: Partial<AppState> = {}): AppState => ({ ...initialState(DEFAULT_RUN_CONFIG), ...over });
  it('is done at once without a wait', () => expect(waitDone(undefined, app(), 0)).toBe(true));
  it('press Step: the run is past the step it opened at', () => {
    expect(waitDone({ kind: 'step' }, app({ step: 20 }), 20)).toBe(false);
    expect(waitDone({ kind: 'step' }, app({ step: 21 }), 20)).toBe(true);
  });
  it('press Play', () => expect(waitDone({ kind: 'play' }, app({ status: 'playing' }), 0)).toBe(true));
  it('move the timestep, switch the walk', () => {
    const sel = initialState().selection;
    expect(waitDone({ kind: 'timestep', t: 0 }, app({ selection: { ...sel, t: 3 } }), 0)).toBe(false);
    expect(waitDone({ kind: 'timestep', t: 3 }, app({ selection: { ...sel, t: 3 } }), 0)).toBe(true);
    expect(waitDone({ kind: 'walk', walk: 'backward' }, app({ selection: { ...sel, walk: 'backward' } }), 0)).toBe(true);
  });
  it('run the gradient check', () => {
    expect(waitDone({ kind: 'gradCheck' }, app(), 0)).toBe(false);
    expect(waitDone({ kind: 'gradCheck' }, app({ gradCheck: { ...initialState().gradCheck, status: 'done' } }), 0)).toBe(true);
  });
  it('set a field, compared as the URL writes it', () => {
    expect(waitDone({ kind: 'config', key: 'fbias', value: '1' }, app({ config: { ...DEFAULT_RUN_CONFIG, forgetBias: 1 } }), 0)).toBe(true);
    expect(waitDone({ kind: 'config', key: 'fbias', value: '1' }, app({ config: { ...DEFAULT_RUN_CONFIG, forgetBias: 0 } }), 0)).toBe(false);
    expect(waitDone({ kind: 'config', key: 'out', value: 'last' }, app({ config: { ...DEFAULT_RUN_CONFIG, outputMode: 'last' } }), 0)).toBe(true);
    expect(waitDone({ kind: 'config', key: 'nope', value: '1' }, app(), 0)).toBe(false);
  });
});

describe('the lesson link and the keys', () => {
  it('reads ?lesson=<id>&lstep=<n> (1-based, clamped), and says when the lesson does not exist', () => {
    expect(parseLessonLink('?task=sine', LESSONS)).toBeNull();
    expect(parseLessonLink('?lesson=demo&lstep=3', LESSONS)).toEqual({ ok: true, lessonId: 'demo', step: 2 });
    expect(parseLessonLink('?lesson=demo', LESSONS)).toEqual({ ok: true, lessonId: 'demo', step: 0 });
    expect(parseLessonLink('?lesson=demo&lstep=99', LESSONS)).toEqual({ ok: true, lessonId: 'demo', step: 3 });
    expect(parseLessonLink('?lesson=demo&lstep=x', LESSONS)).toEqual({ ok: true, lessonId: 'demo', step: 0 });
    expect(parseLessonLink('?lesson=gone', LESSONS)).toEqual({ ok: false, lessonId: 'gone' });
  });

  it('writes the link among the other parameters, and removes it', () => {
    expect(withLessonLink('task=adding&lesson=old&lstep=9', { lessonId: 'demo', step: 1 })).toBe('task=adding&lesson=demo&lstep=2');
    expect(withLessonLink('?task=adding&lesson=demo&lstep=2', null)).toBe('task=adding');
  });

  it('the run ignores the lesson parameters', () => expect(parseUrl('?lesson=demo&lstep=2&cell=gru').warnings).toEqual([]));

  it('→/PageDown next, ←/PageUp back, Esc leaves', () => {
    expect(['ArrowRight', 'PageDown'].map(lessonKeyAction)).toEqual(['next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map(lessonKeyAction)).toEqual(['prev', 'prev']);
    expect(lessonKeyAction('Escape')).toBe('exit');
    expect(lessonKeyAction('s')).toBeNull();
  });
});
