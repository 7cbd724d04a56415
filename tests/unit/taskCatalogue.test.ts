/**
 * The task table (src/tasks/catalogue.ts) is the only place a task is declared; everything else derives from
 * it. This checks that every entry has all its parts — strings in both dictionaries, a picker group with its
 * label, a data source that exists, a generator that builds and a PyTorch port of it — and that the lists other
 * layers read (URL choices, picker groups, text tasks) are the table's.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../../src/contracts/runConfig.ts';
import { PROPS } from '../../src/contracts/urlCodec.ts';
import { en } from '../../src/i18n/en.ts';
import { zh } from '../../src/i18n/zh.ts';
import { Rng } from '../../src/engine/rng.ts';
import { pytorchScript } from '../../src/models/pytorchScript.ts';
import { TASK_CATALOGUE, TASK_GROUPS, type TaskEntry } from '../../src/tasks/catalogue.ts';
import { DATASETS, type DatasetInfo } from '../../src/tasks/data/datasets.ts';
import { isTextTask, PICKER_GROUPS, TASK_IDS } from '../../src/tasks/registry.ts';
import type { TaskId } from '../../src/tasks/taskSpec.ts';
import { buildRun, optimizerConfigOf } from '../../src/trainer/buildRun.ts';

type Dicts = Record<string, Readonly<Record<string, string>>>;
const DICTS = { en, zh };

/** What an entry of `catalogue` lacks, one line per missing part. */
function catalogueProblems(catalogue: Record<string, TaskEntry>, groups: readonly string[], dicts: Dicts, datasets: readonly DatasetInfo[]): string[] {
  const out: string[] = [];
  const label = (key: string, what: string): void => {
    for (const [lang, dict] of Object.entries(dicts)) if (!dict[key]?.trim()) out.push(`${what} has no '${key}' string in ${lang}`);
  };
  for (const group of groups) {
    label(`picker.group.${group}`, `group ${group}`);
    if (!Object.values(catalogue).some((e) => e.group === group)) out.push(`group ${group} has no task`);
  }
  for (const [id, entry] of Object.entries(catalogue)) {
    label(`cfg.task.${id}`, `task ${id}`);
    if (!groups.includes(entry.group)) out.push(`task ${id} is in group ${entry.group}, which the picker does not show`);
    const source = entry.source;
    if (source.from === 'dataset') {
      const info = datasets.find((d) => d.id === source.dataset);
      if (!info) out.push(`task ${id} reads dataset ${source.dataset}, which is not bundled`);
      else if (!existsSync(new URL(`../../public/datasets/${info.file}`, import.meta.url))) out.push(`task ${id}: public/datasets/${info.file} is missing`);
    }
    if (source.from === 'generator') {
      const task = source.make({ seqLen: 8, outputMode: 'sequence' });
      if (task.id !== id) out.push(`task ${id} builds a task called ${task.id}`);
    }
  }
  for (const d of datasets) {
    if (!Object.values(catalogue).some((e) => e.source.from === 'dataset' && e.source.dataset === d.id)) out.push(`dataset ${d.id} has no task`);
  }
  return out;
}

describe('the task catalogue', () => {
  it('gives every task its strings, group, data source and generator', () => {
    expect(catalogueProblems(TASK_CATALOGUE, TASK_GROUPS, DICTS, DATASETS)).toEqual([]);
  });

  it('names what an incomplete entry lacks', () => {
    const broken: Record<string, TaskEntry> = {
      ...TASK_CATALOGUE,
      // No strings, a group the picker lacks, a dataset that is not bundled.
      newForecast: { group: 'own', source: { from: 'dataset', dataset: 'nowhere' as never }, outputModes: false },
    };
    const zhWithoutGroup = Object.fromEntries(Object.entries(DICTS.zh).filter(([k]) => k !== 'picker.group.memory'));
    expect(catalogueProblems(broken, [...TASK_GROUPS, 'extra'], { en: DICTS.en, zh: zhWithoutGroup }, DATASETS.slice(1))).toEqual([
      "group memory has no 'picker.group.memory' string in zh",
      "group extra has no 'picker.group.extra' string in en",
      "group extra has no 'picker.group.extra' string in zh",
      'group extra has no task',
      'task airline reads dataset airline, which is not bundled',
      "task newForecast has no 'cfg.task.newForecast' string in en",
      "task newForecast has no 'cfg.task.newForecast' string in zh",
      'task newForecast reads dataset nowhere, which is not bundled',
    ]);
  });

  it('is where the URL choices, the picker groups and the text tasks come from', () => {
    const ids = Object.keys(TASK_CATALOGUE);
    expect(PROPS.task.type === 'choice' ? PROPS.task.choices : null).toEqual(ids);
    expect(TASK_IDS).toEqual(ids);
    expect(PICKER_GROUPS.flatMap((g) => g.tasks)).toEqual(ids);
    expect(TASK_IDS.filter(isTextTask)).toEqual(['shakespeare', 'tangHant', 'tangHans']);
  });

  it('gives every generated task a PyTorch port of its generator', () => {
    for (const id of TASK_IDS.filter((x) => TASK_CATALOGUE[x].source.from === 'generator')) {
      const config = { ...DEFAULT_RUN_CONFIG, task: id as TaskId, seqLen: 8 };
      const run = buildRun(config, undefined);
      const input = { config, model: run.net.config, optimizer: optimizerConfigOf(config), step: 0, dataRng: new Rng(1).getState(), taskMeta: null, weightsFile: 'w.safetensors' };
      expect(pytorchScript(input), id).toContain('def train_batch(rng, B):');
    }
  });
});
