/**
 * The running session survives a reload: autosaved to IndexedDB every few seconds while it changes and on
 * pagehide; on load, the newest saved run of the same configuration comes back (weights, optimiser, data
 * stream, step, loss history and training-history frames) with a notice offering to start fresh.
 */
import { useEffect, useRef } from 'react';
import { useClient } from '../client/clientContext.ts';
import { useAppStore } from '../client/useApp.ts';
import { getUserCsv } from '../tasks/userData.ts';
import { AUTOSAVE_INTERVAL_MS, Autosaver } from './autosave.ts';
import { modelUi } from './modelUi.ts';
import { resumeOf, sessionData } from './sessionFile.ts';
import { indexedDbSessionStore, sameConfig, type SessionStore } from './sessionStore.ts';

const sessionStore: SessionStore = indexedDbSessionStore();

export function usePersistence(): { startFresh: () => void } {
  const store = useAppStore();
  const client = useClient();
  const saver = useRef<Autosaver | null>(null);

  useEffect(() => {
    if (!client.snapshot) return;
    const capture = client.snapshot.bind(client);
    const autosaver = new Autosaver(sessionStore, capture, (config) => sessionData(config, getUserCsv()), (message) => modelUi.setState({ storageProblem: message }));
    saver.current = autosaver;
    const tick = (): void => {
      const s = store.getState();
      const view = { runId: s.runId, step: s.step, config: s.config, startedFromWeights: modelUi.getState().weightRuns.includes(s.runId) };
      void autosaver.tick(view).then(() => {
        if (autosaver.lastSavedStep !== modelUi.getState().autosavedStep) modelUi.setState({ autosavedStep: autosaver.lastSavedStep });
      });
    };

    // Restore the newest saved run of this configuration, unless the user has already started something else.
    // A run that only restarted (a dataset task starts again once its data are in) has not moved on: the same
    // configuration, still at step 0.
    const first = store.getState();
    let cancelled = false;
    void sessionStore.latest(first.config).then((record) => {
      const now = store.getState();
      if (cancelled || !record || !client.startFrom || now.step !== 0 || !sameConfig(now.config, first.config)) return;
      client.startFrom(record.config, { resume: resumeOf(record), loss: record.loss, frames: record.frames });
      const runId = store.getState().runId;
      autosaver.adopt(runId, record.id);
      modelUi.setState((s) => ({ restored: { id: record.id, step: record.snapshot.step, savedAt: record.savedAt, config: record.config }, weightRuns: [...s.weightRuns, runId] }));
    });

    const timer = setInterval(tick, AUTOSAVE_INTERVAL_MS);
    window.addEventListener('pagehide', tick);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', tick);
    };
  }, [store, client]);

  const startFresh = (): void => {
    const restored = modelUi.getState().restored;
    modelUi.setState({ restored: null });
    if (!restored) return;
    void sessionStore.delete(restored.id).catch(() => undefined);
    client.start(restored.config);
  };
  return { startFresh };
}
