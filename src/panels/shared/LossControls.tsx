/** The loss chart's controls, shared by the loss panel and compare mode: smoothing (optional), log scale, x axis. */
import { useId } from 'react';
import { useT } from '../../client/useT.ts';
import type { LossAxis } from './lossSeries.ts';

interface Props {
  /** Omit both to leave out the smoothing slider. */
  smoothing?: number;
  onSmoothing?: (v: number) => void;
  log: boolean;
  onLog: (log: boolean) => void;
  xMode: LossAxis;
  onXMode: (mode: LossAxis) => void;
  /** Prefix of the x-axis radios' test ids (`<prefix>-x-step`, `<prefix>-x-time`). */
  testId?: string;
}

export function LossControls({ smoothing, onSmoothing, log, onLog, xMode, onXMode, testId }: Props) {
  const t = useT();
  const ids = useId();
  return (
    <>
      {smoothing !== undefined && onSmoothing ? (
        <label className="loss-control" htmlFor={`${ids}-smooth`}>
          {t('loss.smoothing')}
          <input
            id={`${ids}-smooth`}
            type="range"
            min={0}
            max={0.999}
            step={0.001}
            value={smoothing}
            onChange={(e) => onSmoothing(Number(e.target.value))}
          />
          <output htmlFor={`${ids}-smooth`}>{smoothing.toFixed(3)}</output>
        </label>
      ) : null}
      <label className="loss-control">
        <input type="checkbox" checked={log} onChange={(e) => onLog(e.target.checked)} />
        {t('loss.logScale')}
      </label>
      <fieldset className="loss-control loss-xmode">
        <legend>{t('loss.xAxis')}</legend>
        {(['step', 'time'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${ids}-xmode`} value={m} checked={xMode === m} onChange={() => onXMode(m)} data-testid={testId ? `${testId}-x-${m}` : undefined} />
            {t(m === 'step' ? 'loss.byStep' : 'loss.byTime')}
          </label>
        ))}
      </fieldset>
    </>
  );
}
