/**
 * The application shell: header, notices, configuration sidebar, toolbar, scrubbers and the panel grid. The
 * page's objects (run controller, UI store, frame scheduler) come in from boot; the focused run is handed
 * down by RunProvider, so everything below reads the run it shows from context.
 */
import { useCallback, useEffect } from 'react';
import { ConfigPanel } from '../controls/ConfigPanel.tsx';
import { HistorySlider, TimestepSlider } from '../controls/Scrubbers.tsx';
import { ShortcutsOverlay } from '../controls/ShortcutsOverlay.tsx';
import { Toolbar } from '../controls/Toolbar.tsx';
import { useShortcuts } from '../controls/shortcuts.ts';
import { useT } from '../client/useT.ts';
import { focusedRun } from '../client/runController.ts';
import { RunProvider, useRun } from '../client/runContext.ts';
import { SchedulerContext } from '../client/scheduled.ts';
import { useWorkspace, WorkspaceProvider } from '../client/workspaceContext.ts';
import { useAppStore } from '../client/useApp.ts';
import type { Page } from './boot.ts';
import { ClientContext, useClient } from '../client/clientContext.ts';
import { CostDialog } from './CostDialog.tsx';
import { Header } from './Header.tsx';
import { FailureBanner, UrlWarningsBanner, WorkerLostBanner } from './Notices.tsx';
import { DivergenceBanner } from './DivergenceBanner.tsx';
import { PanelGrid } from './PanelGrid.tsx';
import { UiProvider, useLang, useUiStore } from '../store/uiStore.ts';
import { ClipSuggestion, PresetBar } from '../presets/PresetBar.tsx';
import { ModelBar } from '../models/ModelBar.tsx';
import { LessonDock } from '../lessons/LessonPanel.tsx';

/** <html lang> and the tab title follow the UI language (screen readers, fonts and search use them). */
function useDocumentLanguage(): void {
  const lang = useLang();
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('app.title')} — ${t('app.tagline')}`;
  }, [lang, t]);
}

/** The keyboard drives the page's controls and the cursor of the run on show. */
function Shortcuts() {
  const run = useRun();
  const store = useAppStore();
  const sequenceLength = useCallback(() => run.frames.latest()?.T ?? store.getState().config.seqLen, [run, store]);
  useShortcuts(store, useUiStore(), useClient(), sequenceLength);
  return null;
}

function Shell(props: { urlWarnings: Page['urlWarnings'] }) {
  useDocumentLanguage();
  const run = useWorkspace(focusedRun);
  return (
    <RunProvider run={run}>
      <Shortcuts />
      <div className="app">
        <Header />
        <div className="app-body">
          <ConfigPanel />
          <main className="workspace">
            <LessonDock />
            <PresetBar />
            <FailureBanner />
            <WorkerLostBanner />
            <DivergenceBanner />
            <ClipSuggestion />
            <UrlWarningsBanner warnings={props.urlWarnings} />
            <Toolbar />
            <ModelBar />
            <div className="scrubbers">
              <TimestepSlider />
              <HistorySlider />
            </div>
            <PanelGrid />
          </main>
        </div>
        <ShortcutsOverlay />
        <CostDialog />
      </div>
    </RunProvider>
  );
}

export function App({ page }: { page: Page }) {
  return (
    <UiProvider store={page.ui}>
      <WorkspaceProvider controller={page.controller}>
        <SchedulerContext value={page.scheduler}>
          <ClientContext value={page.controller}>
            <Shell urlWarnings={page.urlWarnings} />
          </ClientContext>
        </SchedulerContext>
      </WorkspaceProvider>
    </UiProvider>
  );
}
