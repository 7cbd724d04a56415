/**
 * A lesson is data: a typed table of steps. Each step says what the student reads (English and 简体中文), which
 * run it needs, which panels matter, and what happens — wait for the student to act, train to a step and pause,
 * or ask a question before showing the answer. The player (player.ts) is a pure state machine over this table.
 */
import type { WalkMode } from '../store/appStore.ts';

export interface Bilingual {
  en: string;
  zh: string;
}

/** The ideas the curriculum teaches; every one is on at least one step (a unit test checks). */
export const CONCEPT_IDS = [
  'weight-sharing', 'unrolled', 'vanishing', 'exploding', 'cell-state', 'gates', 'hidden-output', 'bptt-delta',
  'grad-sum', 'gradient-check', 'gru', 'forget-bias', 'sigmoid-tanh', 'stacked-head', 'sliding-window',
  'window-classification', 'output-mode',
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];

/** The page's panels (their data-testid) a step can show or highlight. */
export const LESSON_PANELS = [
  'panel-cell', 'panel-loss', 'panel-predictions', 'panel-gates', 'panel-state', 'panel-summary',
  'panel-gradient-decay', 'panel-gradcheck', 'panel-compare', 'panel-pipeline', 'panel-metrics', 'panel-confusion',
  'panel-text', 'panel-unrolled', 'panel-activations',
] as const;
export type PanelId = (typeof LESSON_PANELS)[number];

/**
 * The run a step needs: a configuration written as a URL query string (parsed by the page's URL codec, so a
 * lesson can only ask for what a link could), a trained model, or the run the student already has.
 */
export type StepRun =
  | { kind: 'config'; query: string }
  /** A shipped trained model (its id in models/checkpoints.ts), opened at the step it was trained to. */
  | { kind: 'checkpoint'; id: string }
  | { kind: 'keep' };

/** What the student is asked to do before the step's point is made (read off the page's state). */
export type StepWait =
  /** Press Step (or S) at least once after the step opened. */
  | { kind: 'step' }
  /** Press Play. */
  | { kind: 'play' }
  /** Move the timestep cursor to this 0-based index (t = index + 1 on screen). */
  | { kind: 'timestep'; t: number }
  /** Switch the cell diagram's walk. */
  | { kind: 'walk'; walk: WalkMode }
  /** Run the gradient check to the end. */
  | { kind: 'gradCheck' }
  /** Set a configuration field (by its URL key) to this value. */
  | { kind: 'config'; key: string; value: string };

export interface Question {
  prompt: Bilingual;
  /** 2–4 choices. */
  choices: readonly Bilingual[];
  /** Index of the right choice. */
  answer: number;
  /** Shown after the student commits, whichever choice it was. */
  explain: Bilingual;
}

export interface LessonStep {
  title: Bilingual;
  /** 2–5 plain sentences. */
  body: Bilingual;
  concepts: readonly ConceptId[];
  run: StepRun;
  /** Train to exactly this training step and pause there (a new run when the current one is already past it). */
  trainTo?: number;
  /** Where the cursors go when the step opens: timestep (0-based, or the last one), walk, unit, layer (or the top one). */
  select?: { t?: number | 'last'; walk?: WalkMode; unit?: number; layer?: number | 'top' };
  /** The panels that matter for this step; the rest are dimmed. */
  show: readonly PanelId[];
  /** The one panel the step is about (scrolled into view and outlined); must be in `show`. */
  highlight: PanelId;
  wait?: StepWait;
  /** What to do, in words (with `wait`). */
  task?: Bilingual;
  question?: Question;
}

export interface Lesson {
  id: string;
  title: Bilingual;
  /** What the lesson teaches, for its card in the list. */
  summary: Bilingual;
  minutes: number;
  steps: readonly LessonStep[];
}
