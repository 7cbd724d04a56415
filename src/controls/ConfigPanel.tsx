/**
 * The configuration sidebar. Optimiser settings apply live (weights and moments stay, the loss curve goes on);
 * everything that defines the model or the data restarts the run at step 0 at once — the diagram must always
 * show the network the sidebar describes, and a pending "applies on reset" state is easy to forget in front
 * of a class. Each section says which of the two it does.
 */
import type { ReactNode } from 'react';
import { useClient } from '../client/clientContext.ts';
import { useT } from '../client/useT.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { useApp, useAppStore } from '../client/useApp.ts';
import type { RunConfig } from '../contracts/runConfig.ts';
import { CELLS, CLIP_MODES, COMPARE_SETS, GATE_ACTIVATIONS, INIT_SCHEMES, NONLINEARITIES, OPTIMIZERS, PROPS, RECURRENT_INITS, STATE_ACTIVATIONS } from '../contracts/urlCodec.ts';
import { isDataTask } from '../tasks/registry.ts';
import { compareSetLabel, comparesArchitectures } from '../contracts/compareSet.ts';
import { changeConfig } from '../store/actions.ts';
import { DataPipelineFields } from './DataPipelineFields.tsx';
import { TaskPicker } from './TaskPicker.tsx';
import { CheckboxField, NumberField, SegmentedField, SelectField, type Choice } from './fields.tsx';
import { TermText } from '../lessons/Term.tsx';
import { LabSection } from './LabSection.tsx';
import { OutputModeField } from './OutputModeField.tsx';

/** Quiet time before a typed number that restarts the run is applied. */
const RESTART_DELAY_MS = 600;

function Section(props: { title: string; badge: string; badgeKind: 'live' | 'restart'; note: string; children: ReactNode }) {
  return (
    <section className="config-section">
      <header className="config-section-header">
        <h3>{props.title}</h3>
        <span className={`badge badge-${props.badgeKind}`}>{props.badge}</span>
      </header>
      <p className="config-note">{props.note}</p>
      {props.children}
    </section>
  );
}

const newSeed = (): number => Math.floor(Math.random() * 1_000_000);

export function ConfigPanel() {
  const t = useT();
  const client = useClient();
  const config = useApp((s) => s.config);
  const store = useAppStore();
  const set = (patch: Partial<RunConfig>): void => changeConfig(store, client, patch);
  const choices = <V extends string>(values: readonly V[], key: (v: V) => MessageKey): Choice<V>[] =>
    values.map((v) => ({ value: v, label: t(key(v)) }));
  const isLstm = config.cell === 'lstm';
  // The menu's sets, and the one on show when a link chose another.
  const compareChoices = [...COMPARE_SETS, ...(COMPARE_SETS.includes(config.compare) ? [] : [config.compare])].map((v) => ({ value: v, label: compareSetLabel(t, v) }));

  return (
    <aside className="config-sidebar" aria-label={t('cfg.title')} data-testid="config-panel">
      <h2 className="sidebar-title">{t('cfg.title')}</h2>

      <Section title={t('cfg.section.model')} badge={t('cfg.badge.restart')} badgeKind="restart" note={t('cfg.note.restart')}>
        <TaskPicker />
        {/* A dataset task's window length is its sequence length: the data-pipeline section sets it. */}
        {isDataTask(config.task) ? null : (
          <NumberField label={t('cfg.field.seqLen')} hint={<TermText text={t('lab.seqLenHint')} terms={['jacobian']} />} spec={PROPS.seqLen} value={config.seqLen} delay={RESTART_DELAY_MS} onApply={(seqLen) => set({ seqLen })} testId="input-seq-len" />
        )}
        {/* When the compare set names the architectures, the single-model choice would do nothing. */}
        {!comparesArchitectures(config.compare) ? (
          <SegmentedField label={t('cfg.field.cell')} value={config.cell} choices={choices(CELLS, (v) => `cfg.arch.${v}`)} onApply={(cell) => set({ cell })} testId="input-cell" />
        ) : null}
        <SelectField label={t('compare.field')} hint={t('compare.hint')} value={config.compare} choices={compareChoices} onApply={(compare) => set({ compare })} testId="input-compare" />
        <div className="field-row">
          <NumberField label={t('cfg.field.numLayers')} spec={PROPS.numLayers} value={config.numLayers} delay={RESTART_DELAY_MS} onApply={(numLayers) => set({ numLayers })} testId="input-num-layers" />
          <NumberField label={t('cfg.field.hiddenSize')} spec={PROPS.hiddenSize} value={config.hiddenSize} delay={RESTART_DELAY_MS} onApply={(hiddenSize) => set({ hiddenSize })} testId="input-hidden-size" />
        </div>
        <OutputModeField />
      </Section>

      {isDataTask(config.task) ? (
        <Section title={t('cfg.section.data')} badge={t('cfg.badge.restart')} badgeKind="restart" note={t('cfg.note.data')}>
          <DataPipelineFields />
        </Section>
      ) : null}

      <Section title={t('cfg.section.training')} badge={t('cfg.badge.live')} badgeKind="live" note={t('cfg.note.live')}>
        <SelectField label={t('cfg.field.optimizer')} value={config.optimizer} choices={choices(OPTIMIZERS, (v) => `cfg.opt.${v}`)} onApply={(optimizer) => set({ optimizer })} testId="input-optimizer" />
        <NumberField label={t('cfg.field.learningRate')} spec={PROPS.learningRate} value={config.learningRate} delay={0} onApply={(learningRate) => set({ learningRate })} testId="input-learning-rate" />
        {config.optimizer !== 'adam' ? (
          <NumberField label={t('cfg.field.momentum')} spec={PROPS.momentum} value={config.momentum} delay={0} onApply={(momentum) => set({ momentum })} testId="input-momentum" />
        ) : null}
        <div className="field-row">
          <NumberField label={t('cfg.field.batchSize')} spec={PROPS.batchSize} value={config.batchSize} delay={0} onApply={(batchSize) => set({ batchSize })} testId="input-batch-size" />
          <NumberField label={t('cfg.field.weightDecay')} spec={PROPS.weightDecay} value={config.weightDecay} delay={0} onApply={(weightDecay) => set({ weightDecay })} testId="input-weight-decay" />
        </div>
        <SelectField label={t('cfg.field.clip')} hint={config.clip === 'norm' ? <TermText text={t('lab.clipHint')} terms={['globalNorm']} /> : undefined} value={config.clip} choices={choices(CLIP_MODES, (v) => `cfg.clip.${v}`)} onApply={(clip) => set({ clip })} testId="input-clip" />
        {config.clip !== 'none' ? (
          <NumberField label={t('cfg.field.clipValue')} spec={PROPS.clipValue} value={config.clipValue} delay={0} onApply={(clipValue) => set({ clipValue })} testId="input-clip-value" />
        ) : null}
        <NumberField label={t('cfg.field.truncate')} hint={<TermText text={t('cfg.hint.truncate')} terms={['truncatedBptt']} />} spec={PROPS.truncate} value={config.truncate} delay={0} onApply={(truncate) => set({ truncate })} testId="input-truncate" />
      </Section>

      <LabSection />

      <Section title={t('cfg.section.details')} badge={t('cfg.badge.restart')} badgeKind="restart" note={t('cfg.note.details')}>
        {config.cell === 'rnn' ? (
          <SelectField label={t('cfg.field.nonlinearity')} value={config.nonlinearity} choices={choices(NONLINEARITIES, (v) => `cfg.fn.${v}`)} onApply={(nonlinearity) => set({ nonlinearity })} testId="input-nonlinearity" />
        ) : (
          <SelectField label={t('cfg.field.gateActivation')} value={config.gateActivation} choices={choices(GATE_ACTIVATIONS, (v) => `cfg.fn.${v}`)} onApply={(gateActivation) => set({ gateActivation })} testId="input-gate-activation" />
        )}
        {isLstm ? (
          <>
            <SelectField label={t('cfg.field.stateActivation')} value={config.stateActivation} choices={choices(STATE_ACTIVATIONS, (v) => `cfg.fn.${v}`)} onApply={(stateActivation) => set({ stateActivation })} testId="input-state-activation" />
            <CheckboxField label={t('cfg.field.peephole')} checked={config.peephole} onApply={(peephole) => set({ peephole })} testId="input-peephole" />
          </>
        ) : null}
        <SelectField label={t('cfg.field.init')} value={config.init} choices={choices(INIT_SCHEMES, (v) => `cfg.init.${v}`)} onApply={(init) => set({ init })} testId="input-init" />
        <SelectField label={t('cfg.field.recurrentInit')} value={config.recurrentInit} choices={choices(RECURRENT_INITS, (v) => `cfg.rinit.${v}`)} onApply={(recurrentInit) => set({ recurrentInit })} testId="input-recurrent-init" />
        {isLstm ? (
          <>
            <CheckboxField label={t('cfg.field.forgetBiasSet')} checked={config.forgetBias !== null} onApply={(on) => set({ forgetBias: on ? 1 : null })} testId="input-forget-bias-on" />
            {config.forgetBias !== null ? (
              <NumberField label={t('cfg.field.forgetBias')} hint={t('cfg.hint.forgetBias')} spec={PROPS.forgetBias.number} value={config.forgetBias} delay={RESTART_DELAY_MS} onApply={(forgetBias) => set({ forgetBias })} testId="input-forget-bias" />
            ) : null}
          </>
        ) : null}
        <div className="field-row field-row-end">
          <NumberField label={t('cfg.field.seed')} spec={PROPS.seed} value={config.seed} delay={RESTART_DELAY_MS} onApply={(seed) => set({ seed })} testId="input-seed" />
          <button type="button" className="btn btn-small" data-testid="btn-new-seed" onClick={() => set({ seed: newSeed() })}>
            {t('cfg.newSeed')}
          </button>
        </div>
      </Section>
    </aside>
  );
}
