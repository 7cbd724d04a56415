/**
 * The style rules that carry out a link's hide= and embed= — by data-testid, so they apply to any control or
 * panel without each one knowing. The ids come from the URL codec's fixed list, so they are safe in a selector.
 */
import type { HideableId, PanelId } from '../contracts/viewParams.ts';

/** Boxes that exist only to hold one control: hiding the control hides its label and hint with it. */
const WRAPPERS = ['.field', '.scrubber', '.slot', '.toolbar-speed', '.task-picker', '.field-row-end'];

function hideRule(id: HideableId): string {
  const sel = `[data-testid="${id}"]`;
  return [sel, ...WRAPPERS.map((w) => `${w}:has(> ${sel}, > * > ${sel})`)].join(',\n');
}

export function viewCss(hide: readonly HideableId[], embed: PanelId | null): string {
  const rules: string[] = [];
  if (hide.length) rules.push(`${hide.map(hideRule).join(',\n')} { display: none !important; }`);
  if (embed) {
    const sel = `[data-testid="${embed}"]`;
    rules.push(`.app-embedded .panel:not(${sel}), .app-embedded .slot:not(:has(${sel})) { display: none !important; }`);
  }
  return rules.join('\n');
}
