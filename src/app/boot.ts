/**
 * Start-up, the app's top-level wiring (the only place that makes page-wide objects): URL → config and
 * language; the UI store; the run controller with its first run; then the trainer starts the run paused at
 * step 0 (its first frame arrives at once, so the panels are never empty) — after asking, if the URL asks
 * for more than the page can afford — and the address bar starts following the run.
 */
import { RunController } from '../client/runController.ts';
import { askThroughUi } from '../client/costGate.ts';
import { runFactory } from '../client/run.ts';
import { FrameScheduler } from '../client/scheduler.ts';
import { parseUrl } from '../contracts/urlCodec.ts';
import { type UrlWarning } from '../contracts/urlValues.ts';
import { pageTaskData } from '../client/taskData.ts';
import { createUiStore, type UiStore } from '../store/uiStore.ts';
import { browserLang, syncUrl } from '../client/urlSync.ts';
import { createViewStore, storedTheme, type ViewStore } from '../store/viewStore.ts';

export interface Page {
  controller: RunController;
  ui: UiStore;
  view: ViewStore;
  scheduler: FrameScheduler;
  urlWarnings: UrlWarning[];
}

export function boot(): Page {
  const { config, lang, view: viewParams, warnings } = parseUrl(window.location.search);
  const ui = createUiStore({ lang: lang ?? browserLang() });
  const view = createViewStore(viewParams, storedTheme());
  const controller = new RunController(runFactory({ data: pageTaskData }), { config }, askThroughUi(ui));
  controller.start(config);
  syncUrl(controller.workspace, ui, view);
  return { controller, ui, view, scheduler: new FrameScheduler(), urlWarnings: warnings };
}
