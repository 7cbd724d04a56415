/**
 * Start-up: URL → config and language → store; then the trainer starts the run paused at step 0 (its first
 * frame arrives at once, so the panels are never empty) and the address bar starts following the store.
 */
import { createTrainerWorker, TrainerClient } from '../worker/client.ts';
import { RunController } from '../compare/runController.ts';
import { compareModels, compareStore } from '../compare/compareStore.ts';
import { appStore } from '../store/appStore.ts';
import { frameBus } from '../store/frameBus.ts';
import { parseUrl, type UrlWarning } from '../store/urlCodec.ts';
import { pageTaskData } from './taskData.ts';
import { browserLang, syncUrl } from './urlSync.ts';
import { createViewStore, storedTheme, type ViewStore } from './viewStore.ts';

export function boot(): { client: RunController; view: ViewStore; urlWarnings: UrlWarning[] } {
  const { config, lang, view: viewParams, warnings } = parseUrl(window.location.search);
  const view = createViewStore(viewParams, storedTheme());
  appStore.setState({ config, lang: lang ?? browserLang() });
  // A single run, or (config.compare) one trainer per architecture racing side by side.
  const client = new RunController(appStore, frameBus, (store, bus) => new TrainerClient(store, bus, createTrainerWorker, pageTaskData), {
    models: compareModels,
    focus: compareStore,
  });
  client.start(config);
  syncUrl(appStore, view);
  return { client, view, urlWarnings: warnings };
}
