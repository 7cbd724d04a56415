/** The application shell: header, notices, configuration sidebar, toolbar, scrubbers and the panel grid. */
import { useEffect } from 'react';
import { ConfigPanel } from '../controls/ConfigPanel.tsx';
import { HistorySlider, TimestepSlider } from '../controls/Scrubbers.tsx';
import { ShortcutsOverlay } from '../controls/ShortcutsOverlay.tsx';
import { Toolbar } from '../controls/Toolbar.tsx';
import { useShortcuts } from '../controls/shortcuts.ts';
import { useT } from '../i18n/useT.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { frameBus } from '../store/frameBus.ts';
import type { UrlWarning } from '../store/urlCodec.ts';
import { ClientContext, type TrainerControls } from './clientContext.ts';
import { Header } from './Header.tsx';
import { FailureBanner, UrlWarningsBanner } from './Notices.tsx';
import { PanelGrid } from './PanelGrid.tsx';
import { ClipSuggestion, PresetBar } from '../presets/PresetBar.tsx';
import { useViewEffects } from '../classroom/useViewEffects.ts';
import { viewCss } from '../classroom/viewCss.ts';
import { useView, useViewStore, ViewContext, type ViewStore } from './viewStore.ts';
import '../classroom/classroom.css';

const sequenceLength = (): number => frameBus.latest()?.T ?? appStore.getState().config.seqLen;

/** <html lang> and the tab title follow the UI language (screen readers, fonts and search use them). */
function useDocumentLanguage(): void {
  const lang = useApp((s) => s.lang);
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('app.title')} — ${t('app.tagline')}`;
  }, [lang, t]);
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

function Shell(props: { urlWarnings: readonly UrlWarning[] }) {
  const t = useT();
  useViewEffects();
  const present = useView((s) => s.present);
  const lock = useView((s) => s.lock);
  const embed = useView((s) => s.embed);
  const hide = useView((s) => s.hide);
  const fullscreen = useView((s) => s.fullscreen);
  const classes = ['app', present ? 'app-presenting' : '', lock ? 'app-locked' : '', embed ? 'app-embedded' : '', fullscreen ? 'app-has-fullscreen' : ''];
  const css = viewCss(hide, embed);
  return (
    <div className={classes.filter(Boolean).join(' ')}>
      <a className="skip-link" href="#toolbar" data-testid="skip-link">
        {t('skip.toolbar')}
      </a>
      {css ? <style data-testid="view-style">{css}</style> : null}
      <Header />
      <div className="app-body">
        <SettingsColumn />
        <main className="workspace">
          <PresetBar />
          <FailureBanner />
          <ClipSuggestion />
          <UrlWarningsBanner warnings={props.urlWarnings} />
          <Toolbar />
          <div className="scrubbers">
            <TimestepSlider />
            <HistorySlider />
          </div>
          <PanelGrid />
        </main>
      </div>
      <ShortcutsOverlay />
    </div>
  );
}

export function App(props: { client: TrainerControls; view: ViewStore; urlWarnings: readonly UrlWarning[] }) {
  useShortcuts(appStore, props.client, sequenceLength);
  useDocumentLanguage();
  return (
    <ClientContext value={props.client}>
      <ViewContext value={props.view}>
        <Shell urlWarnings={props.urlWarnings} />
      </ViewContext>
    </ClientContext>
  );
}
