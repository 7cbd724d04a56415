/**
 * Where the student is in the lessons. Kept apart from the run's store: a lesson outlives the runs it starts,
 * and a run knows nothing about lessons.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { LESSONS } from './catalog.ts';
import { findLesson, parseLessonLink, reduceLesson, type LessonEvent, type LessonState } from './player.ts';
import { LESSON_PANELS } from './types.ts';

export interface LessonUi {
  lesson: LessonState | null;
  /** The training step the current step opened at (a "press Step" task is done once the run is past it). */
  entryStep: number;
  /** A step's run is being set up (started, loading, training to its pause point). */
  preparing: boolean;
  listOpen: boolean;
  glossaryOpen: boolean;
  /** The glossary entry a term link opened it at. */
  glossaryFocus: string | null;
  /** A deep link named a lesson that does not exist. */
  unknownLink: string | null;
}

/** The page opens on the step a `?lesson=<id>&lstep=<n>` link names; an unknown lesson opens the list and says why. */
function initialLessonUi(search: string): LessonUi {
  const link = parseLessonLink(search, LESSONS);
  const base: LessonUi = { lesson: null, entryStep: 0, preparing: false, listOpen: false, glossaryOpen: false, glossaryFocus: null, unknownLink: null };
  if (!link) return base;
  if (!link.ok) return { ...base, listOpen: true, unknownLink: link.lessonId };
  return { ...base, lesson: reduceLesson(null, { type: 'open', lessonId: link.lessonId, step: link.step }, LESSONS) };
}

export const lessonStore: StoreApi<LessonUi> = createStore<LessonUi>()(() => initialLessonUi(typeof window === 'undefined' ? '' : window.location.search));

export function dispatchLesson(event: LessonEvent): void {
  const { lesson } = lessonStore.getState();
  const next = reduceLesson(lesson, event, LESSONS);
  if (next !== lesson) lessonStore.setState({ lesson: next, listOpen: false, unknownLink: null });
}

export function useLessonUi<T>(selector: (s: LessonUi) => T): T {
  return useStore(lessonStore, selector);
}

/**
 * Whether the lesson step on screen dims this panel (it does not need it). A dimmed panel is also inert: an
 * inactive part of the page, out of the Tab order, so its faded text is not content a student must read.
 */
export function useDimmedByLesson(panelTestId: string): boolean {
  return useLessonUi((s) => {
    const step = s.lesson ? findLesson(LESSONS, s.lesson.lessonId)?.steps[s.lesson.step] : undefined;
    return step !== undefined && (LESSON_PANELS as readonly string[]).includes(panelTestId) && !step.show.includes(panelTestId as (typeof LESSON_PANELS)[number]);
  });
}
