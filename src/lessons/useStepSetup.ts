/**
 * Entering a step: set up its run as the plan says (start, pause, cursors), train to its pause point once the
 * new run is ready, and keep the lesson link in the address bar.
 */
import { useEffect } from 'react';
import { useClient } from '../client/clientContext.ts';
import { type AppState } from '../store/appStore.ts';
import { useAppStore } from '../client/useApp.ts';
import { LESSONS } from './catalog.ts';
import { lessonStore, useLessonUi } from './lessonStore.ts';
import { findLesson, planStep, withLessonLink } from './player.ts';
import { checkpointById } from '../models/checkpoints.ts';
import { openCheckpoint } from '../models/modelActions.ts';

function writeLessonLink(link: { lessonId: string; step: number } | null): void {
  const query = withLessonLink(window.location.search, link);
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  window.history.replaceState(window.history.state, '', next);
}

/** A run that has started and reported its model (dataset tasks load their data first). */
const isReady = (s: AppState, runIdBefore: number): boolean => s.runId !== runIdBefore && s.summary !== null && s.dataLoad.status !== 'loading';

export function useStepSetup(): void {
  const client = useClient();
  const store = useAppStore();
  const lessonId = useLessonUi((s) => s.lesson?.lessonId ?? null);
  const visit = useLessonUi((s) => s.lesson?.visit ?? 0);

  useEffect(() => {
    const state = lessonStore.getState().lesson;
    const lesson = state ? findLesson(LESSONS, state.lessonId) : null;
    if (!state || !lesson) return;
    writeLessonLink({ lessonId: state.lessonId, step: state.step });
    const before = store.getState();
    const plan = planStep(lesson, state, before);
    const entryStep = (plan.checkpoint ? (checkpointById(plan.checkpoint)?.steps ?? 0) : plan.start ? 0 : before.step) + plan.train;
    const applySelection = (): void => {
      if (Object.keys(plan.selection).length) store.setState((s) => ({ selection: { ...s.selection, ...plan.selection } }));
    };
    if (plan.pause) client.pause();
    if (plan.start) client.start(plan.start);
    const checkpoint = plan.checkpoint ? checkpointById(plan.checkpoint) : null;
    let open = true;
    if (checkpoint) {
      void openCheckpoint(store, client, checkpoint, () => open).then((opened) => {
        if (!opened && open) finish(false);
      });
    }
    applySelection();
    if (!checkpoint && (!plan.start || plan.train === 0)) {
      if (plan.train > 0) client.step(plan.train);
      lessonStore.setState({ entryStep, preparing: false });
      return;
    }
    // Steps sent before a dataset's data arrive would go to the old run: train once the new one is ready.
    lessonStore.setState({ entryStep, preparing: true });
    function finish(trained: boolean): void {
      off();
      applySelection();
      if (trained && plan.train > 0) client.step(plan.train);
      lessonStore.setState({ preparing: false });
    }
    const check = (s: AppState): void => {
      if (isReady(s, before.runId)) finish(true);
      else if (s.dataLoad.status === 'error') finish(false);
    };
    const off = store.subscribe(check);
    check(store.getState());
    return () => {
      open = false;
      off();
    };
  }, [client, store, lessonId, visit]);

  // Leaving the lesson removes its link; the run's own settings stay in the URL.
  useEffect(() => {
    if (lessonId === null && new URLSearchParams(window.location.search).has('lesson')) writeLessonLink(null);
  }, [lessonId]);
}
