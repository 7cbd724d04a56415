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
import { RestoreNotice } from './RestoreNotice.tsx';
import { ClipSuggestion, PresetBar } from '../presets/PresetBar.tsx';

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

export function App(props: { client: TrainerControls; urlWarnings: readonly UrlWarning[] }) {
  useShortcuts(appStore, props.client, sequenceLength);
  useDocumentLanguage();
  return (
    <ClientContext value={props.client}>
      <div className="app">
        <Header />
        <div className="app-body">
          <ConfigPanel />
          <main className="workspace">
            <PresetBar />
            <FailureBanner />
            <RestoreNotice />
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
    </ClientContext>
  );
}
