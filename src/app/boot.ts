/**
 * Start-up: URL → config and language → store; then the trainer starts the run paused at step 0 (its first
 * frame arrives at once, so the panels are never empty) and the address bar starts following the store.
 */
import { TrainerClient } from '../worker/client.ts';
import { appStore } from '../store/appStore.ts';
import { frameBus } from '../store/frameBus.ts';
import { parseUrl, type UrlWarning } from '../store/urlCodec.ts';
import { browserLang, syncUrl } from './urlSync.ts';

export function boot(): { client: TrainerClient; urlWarnings: UrlWarning[] } {
  const { config, lang, warnings } = parseUrl(window.location.search);
  appStore.setState({ config, lang: lang ?? browserLang() });
  const client = new TrainerClient(appStore, frameBus);
  client.start(config);
  syncUrl(appStore);
  return { client, urlWarnings: warnings };
}
