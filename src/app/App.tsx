/**
 * The application shell: header, notices, configuration sidebar, toolbar, scrubbers and the panel grid. The
 * page's objects (run controller, UI and view stores, frame scheduler) come in from boot; the focused run is
 * handed down by RunProvider, so everything below reads the run it shows from context.
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
import { RestoreNotice } from './RestoreNotice.tsx';
import { ClipSuggestion, PresetBar } from '../presets/PresetBar.tsx';
import { ModelBar } from '../models/ModelBar.tsx';
import { LessonDock } from '../lessons/LessonPanel.tsx';
import { useViewEffects } from '../classroom/useViewEffects.ts';
import { viewCss } from '../classroom/viewCss.ts';
import { useView, useViewStore, ViewContext } from '../store/viewStore.ts';
import '../classroom/classroom.css';

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

/**
 * The settings column: a sidebar, or on a phone a drawer. A locked class link disables every field at once with
 * a disabled fieldset (read-only for students, the values still visible) rather than each field knowing.
 */
function SettingsColumn() {
  const t = useT();
  const view = useViewStore();
  const locked = useView((s) => s.lock);
  const open = useView((s) => s.drawerOpen);
  return (
    <>
      <div className={`config-drawer${open ? ' is-open' : ''}`} id="config-drawer">
        <button type="button" className="btn btn-small drawer-close" data-testid="btn-drawer-close" onClick={() => view.setState({ drawerOpen: false })}>
          {t('drawer.close')}
        </button>
        {locked ? (
          <p className="config-note locked-note" data-testid="locked-note">
            {t('locked.note')}
          </p>
        ) : null}
        <fieldset className="config-lock" disabled={locked}>
          <ConfigPanel />
        </fieldset>
      </div>
      {open ? <div className="drawer-backdrop" onClick={() => view.setState({ drawerOpen: false })} /> : null}
    </>
  );
}

function Shell(props: { urlWarnings: Page['urlWarnings'] }) {
  const t = useT();
  useDocumentLanguage();
  useViewEffects();
  const run = useWorkspace(focusedRun);
  const present = useView((s) => s.present);
  const lock = useView((s) => s.lock);
  const embed = useView((s) => s.embed);
  const hide = useView((s) => s.hide);
  const fullscreen = useView((s) => s.fullscreen);
  const classes = ['app', present ? 'app-presenting' : '', lock ? 'app-locked' : '', embed ? 'app-embedded' : '', fullscreen ? 'app-has-fullscreen' : ''];
  const css = viewCss(hide, embed);
  return (
    <RunProvider run={run}>
      <Shortcuts />
      <div className={classes.filter(Boolean).join(' ')}>
        <a className="skip-link" href="#toolbar" data-testid="skip-link">
          {t('skip.toolbar')}
        </a>
        {css ? <style data-testid="view-style">{css}</style> : null}
        <Header />
        <div className="app-body">
          <SettingsColumn />
          <main className="workspace">
            <LessonDock />
            <PresetBar />
            <FailureBanner />
            <WorkerLostBanner />
            <DivergenceBanner />
            <RestoreNotice />
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
            <ViewContext value={page.view}>
              <Shell urlWarnings={page.urlWarnings} />
            </ViewContext>
          </ClientContext>
        </SchedulerContext>
      </WorkspaceProvider>
    </UiProvider>
  );
}
