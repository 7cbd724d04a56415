import { useId } from 'react';
import { setLayer } from '../../store/actions.ts';
import { useApp, useAppStore } from '../../client/useApp.ts';
import { useT } from '../../client/useT.ts';

/** Which recurrent layer the gate and state panels show (selection.layer); nothing for a single layer. */
export function LayerSelect(props: { numLayers: number }) {
  const t = useT();
  const id = useId();
  const store = useAppStore();
  const layer = useApp((s) => s.selection.layer);
  if (props.numLayers < 2) return null;
  return (
    <label className="gs-control" htmlFor={id}>
      {t('gs.layer')}
      <select
        id={id}
        value={Math.min(layer, props.numLayers - 1)}
        onChange={(e) => setLayer(store, Number(e.target.value))}
      >
        {Array.from({ length: props.numLayers }, (_, l) => (
          <option key={l} value={l}>
            {l + 1}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The selected layer, clamped to the frame's layer count. */
export function useLayer(numLayers: number): number {
  const layer = useApp((s) => s.selection.layer);
  return Math.max(0, Math.min(layer, numLayers - 1));
}
