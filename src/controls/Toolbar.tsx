/** Play/Pause, Step, Reset, the speed cap and the live numbers of the run. */
import { format } from 'd3-format';
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import { useApp } from '../client/useApp.ts';

/** Steps per second offered besides full speed: 1 to watch each step, 100 for a calm but quick demo. */
const SPEEDS: readonly number[] = [1, 5, 20, 100];

const formatLoss = format('.4~g');
const formatRate = format(',.0f');

export function Toolbar() {
  const t = useT();
  const client = useClient();
  const status = useApp((s) => s.status);
  const step = useApp((s) => s.step);
  const lastLoss = useApp((s) => s.lastLoss);
  const stepsPerSecond = useApp((s) => s.stepsPerSecond);
  const speed = useApp((s) => s.speed);
  const playing = status === 'playing';

  return (
    // The skip link's target: focus lands here, so the next Tab reaches Play.
    <div className="toolbar" id="toolbar" tabIndex={-1} role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        <button
          type="button"
          className="btn btn-primary btn-play"
          data-testid="btn-play"
          aria-pressed={playing}
          title={t('toolbar.playTitle')}
          onClick={() => client.toggle()}
        >
          <span className="btn-icon" aria-hidden="true">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? t('toolbar.pause') : t('toolbar.play')}
        </button>
        <button type="button" className="btn" data-testid="btn-step" title={t('toolbar.stepTitle')} onClick={() => client.step(1)}>
          <span className="btn-icon" aria-hidden="true">
            ▶|
          </span>
          {t('toolbar.step')}
        </button>
        <button type="button" className="btn" data-testid="btn-reset" title={t('toolbar.resetTitle')} onClick={() => client.reset()}>
          <span className="btn-icon" aria-hidden="true">
            ↺
          </span>
          {t('toolbar.reset')}
        </button>
      </div>

      <label className="toolbar-speed">
        <span className="toolbar-label">{t('toolbar.speed')}</span>
        <select
          className="input input-inline"
          data-testid="speed-select"
          value={speed === null ? 'full' : String(speed)}
          onChange={(e) => {
            const next = e.target.value === 'full' ? null : Number(e.target.value);
            client.setSpeed(next);
          }}
        >
          <option value="full">{t('toolbar.fullSpeed')}</option>
          {SPEEDS.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? t('toolbar.oneStepPerSecond') : t('toolbar.stepsPerSecondCap', { n })}
            </option>
          ))}
        </select>
      </label>

      <dl className="toolbar-stats">
        <div className="stat">
          <dt>{t('toolbar.status')}</dt>
          <dd data-testid="run-status" data-status={status} className={`status status-${status}`}>
            {playing ? t('toolbar.statusPlaying') : t('toolbar.statusPaused')}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('toolbar.stepCount')}</dt>
          <dd className="stat-value" data-testid="step-counter">
            {step}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('toolbar.loss')}</dt>
          <dd className="stat-value" data-testid="loss-value" data-value={lastLoss === null ? '' : String(lastLoss)} title={lastLoss === null ? undefined : String(lastLoss)}>
            {lastLoss === null ? '—' : formatLoss(lastLoss)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('toolbar.stepsPerSecond')}</dt>
          <dd className="stat-value" data-testid="steps-per-second">
            {playing ? formatRate(stepsPerSecond) : '—'}
          </dd>
        </div>
      </dl>
    </div>
  );
}
