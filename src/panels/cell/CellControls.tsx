/** The cell panel's header controls: walk direction, stepping along the walk, and the unit selector. */
import { useId } from 'react';
import { useT } from '../../client/useT.ts';
import { setTimestep, setUnit, setWalk } from '../../store/actions.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { displayUnit } from '../../viz/format.ts';
import { useWalkPlayer, walkStep } from './walk.ts';

export function WalkControls(props: { T: number }) {
  const t = useT();
  const walk = useApp((s) => s.selection.walk);
  const store = useAppStore();
  const { playing, toggle } = useWalkPlayer(props.T);
  const step = (dir: 1 | -1) => {
    const s = store.getState().selection;
    setTimestep(store, walkStep(Math.min(s.t, props.T - 1), props.T, s.walk, dir), props.T);
  };
  return (
    <>
      <div className="cell-segmented" role="group" aria-label={t('cell.walk')}>
        {(['forward', 'backward'] as const).map((w) => (
          <button key={w} type="button" className="btn btn-small" aria-pressed={walk === w} onClick={() => setWalk(store, w)}>
            {t(w === 'forward' ? 'cell.walk.forward' : 'cell.walk.backward')}
          </button>
        ))}
      </div>
      <div className="cell-stepper" role="group" aria-label={t(walk === 'forward' ? 'cell.walk.hintForward' : 'cell.walk.hintBackward', { T: props.T })}>
        <button type="button" className="btn btn-small" onClick={() => step(-1)} aria-label={t('cell.walk.prev')} title={t('cell.walk.prev')}>
          ◀
        </button>
        <button type="button" className="btn btn-small" onClick={() => step(1)} aria-label={t('cell.walk.next')} title={t('cell.walk.next')}>
          ▶
        </button>
        <button
          type="button"
          className="btn btn-small cell-autowalk"
          aria-pressed={playing}
          onClick={toggle}
          title={t(playing ? 'cell.walk.stop' : 'cell.walk.play')}
        >
          <WalkIcon playing={playing} /> {t(playing ? 'cell.walk.stop' : 'cell.walk.play')}
        </button>
      </div>
    </>
  );
}

/** Play (two triangles: a walk, not training) or stop, drawn so no icon font is needed. */
function WalkIcon(props: { playing: boolean }) {
  return (
    <svg className="cell-walk-icon" viewBox="0 0 16 16" aria-hidden="true">
      {props.playing ? <rect x="3" y="3" width="10" height="10" rx="1.5" /> : <path d="M1.5 2.5 L8 8 L1.5 13.5 Z M8 2.5 L14.5 8 L8 13.5 Z" />}
    </svg>
  );
}

/** − [unit] +, shown 1-based like every panel (selection.unit is 0-based). */
export function UnitPicker(props: { H: number; unit: number }) {
  const t = useT();
  const store = useAppStore();
  const id = useId();
  const clamp = (u: number) => Math.max(0, Math.min(props.H - 1, u));
  return (
    <div className="cell-unit" role="group" aria-label={t('cell.unit')}>
      <label htmlFor={id}>{t('cell.unit')}</label>
      <button type="button" className="btn btn-small" onClick={() => setUnit(store, clamp(props.unit - 1))} disabled={props.unit <= 0} aria-label={t('cell.unit.prev')}>
        −
      </button>
      <input
        id={id}
        className="input cell-unit-input"
        type="number"
        min={1}
        max={props.H}
        value={displayUnit(props.unit)}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isInteger(v)) setUnit(store, clamp(v - 1));
        }}
      />
      <span className="cell-unit-of">/ {props.H}</span>
      <button type="button" className="btn btn-small" onClick={() => setUnit(store, clamp(props.unit + 1))} disabled={props.unit >= props.H - 1} aria-label={t('cell.unit.next')}>
        +
      </button>
    </div>
  );
}

/** Every unit of the layer as a swatch (h_t forward, ∂L/∂h_t backward); the selected one is outlined. */
export function UnitStrip(props: { values: ArrayLike<number>; unit: number; color: (v: number) => string; format: (v: number) => string }) {
  const t = useT();
  const store = useAppStore();
  return (
    <div className="cell-strip" role="group" aria-label={t('cell.unit')}>
      {Array.from(props.values, (v, u) => (
        <button
          key={u}
          type="button"
          className="cell-strip-unit"
          aria-pressed={u === props.unit}
          aria-label={t('cell.unit.pick', { unit: displayUnit(u), value: props.format(v) })}
          title={t('cell.unit.pick', { unit: displayUnit(u), value: props.format(v) })}
          style={{ background: props.color(v) }}
          onClick={() => setUnit(store, u)}
        >
          {displayUnit(u)}
        </button>
      ))}
    </div>
  );
}
