/**
 * Output mode as a visible setting, on tasks where both make sense: a prediction (and a loss) at every
 * timestep, or after the last one only — with how PyTorch and MATLAB spell the same choice.
 */
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import { OUTPUT_MODES } from '../contracts/urlCodec.ts';
import { OUTPUT_MODE_TASKS } from '../tasks/registry.ts';
import { changeConfig } from '../store/actions.ts';
import { SegmentedField } from './fields.tsx';

/** The two spellings of each mode (code, shown as is in both languages). */
const SPELLINGS = {
  last: { torch: 'out[:, -1, :]', matlab: "OutputMode='last'" },
  sequence: { torch: 'out', matlab: "OutputMode='sequence'" },
} as const;

export function OutputModeField() {
  const t = useT();
  const client = useClient();
  const store = useAppStore();
  const mode = useApp((s) => s.config.outputMode);
  const task = useApp((s) => s.config.task);
  if (!OUTPUT_MODE_TASKS.includes(task)) return null;
  const spelling = SPELLINGS[mode];
  return (
    <div className="output-mode-field">
      <SegmentedField
        label={t('outputMode.field')}
        value={mode}
        choices={OUTPUT_MODES.map((v) => ({ value: v, label: t(`outputMode.${v}`) }))}
        onApply={(outputMode) => changeConfig(store, client, { outputMode })}
        testId="input-output-mode"
      />
      <p className="config-note output-mode-spelling" data-testid="output-mode-spelling">
        PyTorch <code>{spelling.torch}</code> · MATLAB <code>{spelling.matlab}</code>
      </p>
    </div>
  );
}
