/**
 * The character-level text panel (Shakespeare, the Tang poems in Traditional or Simplified characters): what
 * the model writes at a temperature, and the text coloured by one unit's activation to find units that track
 * line ends, quotes or the rhythm of a poem line. Shown for character tasks only.
 */
import { useT } from '../../client/useT.ts';
import { useApp } from '../../client/useApp.ts';
import { isTextTask } from '../../tasks/registry.ts';
import { LayerSelect, useLayer } from '../shared/LayerSelect.tsx';
import { Panel } from '../Panel.tsx';
import { ActivationView } from './ActivationView.tsx';
import { GeneratedText } from './GeneratedText.tsx';
import { textMeta } from './textSources.ts';
import { UNK_MARK } from './textViews.ts';
import './text.css';

export function TextPanel() {
  const t = useT();
  const task = useApp((s) => s.config.task);
  const summary = useApp((s) => s.summary);
  const meta = useApp(textMeta);
  const layer = useLayer(summary?.numLayers ?? 1);
  if (!isTextTask(task)) return null;
  const subtitle = meta
    ? t('text.subtitle', { symbols: meta.vocab.symbols.length, coverage: Math.round(meta.vocab.coverage * 1000) / 10, T: meta.seqLen })
    : undefined;
  return (
    <Panel testId="panel-text" title={t('text.title')} subtitle={subtitle} controls={summary ? <LayerSelect numLayers={summary.numLayers} /> : null} className="text-panel">
      {meta && meta.vocab.unk >= 0 ? <p className="viz-note">{t('text.unkNote', { mark: UNK_MARK, symbols: meta.vocab.symbols.length - 1 })}</p> : null}
      <GeneratedText />
      {summary && meta ? <ActivationView cell={summary.cell} H={summary.hiddenSize} layer={layer} /> : <p className="viz-note">{t('gs.waiting')}</p>}
    </Panel>
  );
}
