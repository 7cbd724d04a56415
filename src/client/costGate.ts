/**
 * "Know the cost before paying it": a run over the budget (contracts/runCost.ts) starts only after the user says
 * so. The question waits in the UI store; the dialog answers it with the config to run, or none.
 */
import type { UiStore } from '../store/uiStore.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { estimateRunCost, HARD_LIMIT_BYTES, lowerToFit, overBudget, type CostQuestion } from '../contracts/runCost.ts';

/** Resolves with the config to start (as asked, lowered, or null to keep what runs). */
export type AskCost = (question: Omit<CostQuestion, 'answer'>) => Promise<RunConfig | null>;

/** The question for `config`, or null when it is within budget. */
export function costQuestionFor(config: RunConfig, canKeep: boolean): Omit<CostQuestion, 'answer'> | null {
  const cost = estimateRunCost(config);
  return overBudget(cost) ? { config, cost, lowered: lowerToFit(config), canKeep, tooLarge: cost.bytes > HARD_LIMIT_BYTES } : null;
}

/** Asks through the page's UI store; a newer question replaces (declines) an older one. */
export function askThroughUi(ui: UiStore): AskCost {
  return (question) =>
    new Promise((resolve) => {
      ui.getState().costQuestion?.answer(null);
      let answered = false;
      const answer = (config: RunConfig | null): void => {
        if (answered) return;
        answered = true;
        if (ui.getState().costQuestion?.answer === answer) ui.setState({ costQuestion: null });
        resolve(config);
      };
      ui.setState({ costQuestion: { ...question, answer } });
    });
}
