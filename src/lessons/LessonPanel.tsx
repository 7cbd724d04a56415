/**
 * The lesson dock at the top of the workspace: the step's text, its task or question, the progress line and
 * Next/Back. It also dims the panels the step does not need and outlines the one it is about.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../client/useT.ts';
import { useApp } from '../client/useApp.ts';
import { LESSONS } from './catalog.ts';
import { dispatchLesson, useLessonUi } from './lessonStore.ts';
import { findLesson, revealed, waitDone } from './player.ts';
import { LESSON_PANELS, type Lesson, type LessonStep } from './types.ts';
import { usePick } from './usePick.ts';
import { useLessonKeys } from './useLessonKeys.ts';
import { useStepSetup } from './useStepSetup.ts';
import './lessons.css';

const cssString = (s: string): string => `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;

/**
 * Rules for the page while a step is on: the panels it needs come first (the highlighted one across the
 * whole width, outlined), the rest are dimmed below them, the demonstration strip makes room, and the
 * highlighted panel is veiled until the step's question is answered.
 */
function focusCss(step: LessonStep, veiled: boolean, veilText: string): string {
  const sel = (id: string): string => `[data-testid="${id}"]`;
  const slot = (id: string): string => `.panel-grid > .slot:has(${sel(id)})`;
  const dimmed = LESSON_PANELS.filter((p) => !step.show.includes(p));
  const rules = [
    '.preset-bar { display: none; }',
    '.panel-grid { grid-template-areas: none; grid-template-columns: repeat(2, minmax(0, 1fr)); grid-auto-flow: row dense; }',
    '.panel-grid > .slot { grid-area: auto; grid-column: auto; }',
    ...step.show.map((id, i) => `${slot(id)} { order: ${i - 50}; }`),
    `${slot(step.highlight)} { order: -100; grid-column: 1 / -1; }`,
    // The unrolled chain needs the width to be read.
    `${slot('panel-unrolled')} { grid-column: 1 / -1; }`,
    `${dimmed.map(sel).join(',')} { opacity: 0.32; filter: grayscale(0.7); transition: opacity 0.2s; }`,
    `${sel(step.highlight)} { outline: 3px solid var(--accent); outline-offset: 2px; }`,
  ];
  if (veiled) {
    rules.push(`${sel(step.highlight)} { position: relative; }`);
    rules.push(`${sel(step.highlight)} > .panel-body { filter: blur(7px); pointer-events: none; }`);
    rules.push(`${sel(step.highlight)}::after { content: ${cssString(veilText)}; position: absolute; inset: 40% 10% auto; text-align: center; font-weight: 700; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; box-shadow: var(--shadow); }`);
  }
  return rules.join('\n');
}

/**
 * Bring the step into view: the dock at the top with the toolbar and scrubbers under it; if the highlighted
 * panel then starts low on the screen (or under the dock), scroll it up to just below the dock.
 */
function showStep(dock: HTMLElement, highlight: string): void {
  const workspaceTop = dock.parentElement?.getBoundingClientRect().top ?? 0;
  window.scrollTo({ top: window.scrollY + workspaceTop, behavior: 'instant' });
  const panel = document.querySelector(`[data-testid="${highlight}"]`);
  if (!panel) return;
  const below = dock.getBoundingClientRect().bottom + 8;
  const top = panel.getBoundingClientRect().top;
  if (top > window.innerHeight * 0.6 || top < below) window.scrollBy({ top: top - below, behavior: 'instant' });
}

function StepTask(props: { step: LessonStep }) {
  const t = useT();
  const pick = usePick();
  const entryStep = useLessonUi((s) => s.entryStep);
  const done = useApp((s) => waitDone(props.step.wait, s, entryStep));
  if (!props.step.task) return null;
  return (
    <p className={`lesson-task ${done ? 'lesson-task-done' : ''}`} data-testid="lesson-task" data-done={done}>
      <span className="lesson-task-mark" aria-hidden="true">{done ? '✓' : '→'}</span>
      <strong>{done ? t('lessons.taskDone') : t('lessons.task')}:</strong> {pick(props.step.task)}
    </p>
  );
}

function StepQuestion(props: { step: LessonStep; answer: number | undefined }) {
  const t = useT();
  const pick = usePick();
  const q = props.step.question;
  if (!q) return null;
  const { answer } = props;
  const chosen = answer !== undefined;
  return (
    <div className="lesson-question" data-testid="lesson-question">
      <p className="lesson-question-label">{t('lessons.questionLabel')}</p>
      <p className="lesson-question-prompt">{pick(q.prompt)}</p>
      <div className="lesson-choices" role="group" aria-label={pick(q.prompt)}>
        {q.choices.map((c, i) => {
          const verdict = !chosen ? '' : i === q.answer ? 'lesson-choice-right' : i === answer ? 'lesson-choice-wrong' : '';
          return (
            <button
              key={i}
              type="button"
              className={`lesson-choice ${verdict}`}
              data-testid="lesson-choice"
              aria-pressed={answer === i}
              disabled={chosen}
              onClick={() => dispatchLesson({ type: 'choose', choice: i })}
            >
              {pick(c)}
            </button>
          );
        })}
      </div>
      {chosen ? null : <p className="lesson-hint">{t('lessons.chooseFirst')}</p>}
    </div>
  );
}

/** The answer, under the step's text once a choice is made (there is room there; the choices stay put). */
function StepAnswer(props: { step: LessonStep; answer: number | undefined }) {
  const t = useT();
  const pick = usePick();
  const q = props.step.question;
  if (!q || props.answer === undefined) return null;
  const right = props.answer === q.answer;
  return (
    <p className={`lesson-answer ${right ? 'lesson-answer-right' : 'lesson-answer-wrong'}`} data-testid="lesson-answer" role="status">
      <strong>{right ? t('lessons.right') : t('lessons.wrong')}</strong> {pick(q.explain)}
    </p>
  );
}

function LessonDockBody(props: { lesson: Lesson; index: number; answer: number | undefined; visit: number }) {
  const t = useT();
  const pick = usePick();
  const { lesson, index, answer } = props;
  const step = lesson.steps[index];
  const preparing = useLessonUi((s) => s.preparing);
  const ref = useRef<HTMLElement>(null);
  const last = index === lesson.steps.length - 1;

  // Again once the run is ready: its first frame changes the heights of the panels above.
  useEffect(() => {
    if (ref.current) showStep(ref.current, step.highlight);
  }, [step.highlight, props.visit, preparing, answer]);

  return (
    <section
      ref={ref}
      className="lesson-panel"
      data-testid="lesson-panel"
      data-lesson={lesson.id}
      data-step={index + 1}
      data-highlight={step.highlight}
      data-concepts={step.concepts.join(' ')}
      aria-label={t('lessons.aria')}
    >
      <style>{focusCss(step, !revealed(step, answer), t('lessons.hiddenUntilAnswer'))}</style>
      <header className="lesson-header">
        <span className="lesson-name">{pick(lesson.title)}</span>
        <span className="lesson-progress" data-testid="lesson-step" aria-live="polite">
          {t('lessons.progress', { n: index + 1, total: lesson.steps.length })}
        </span>
        <span className="lesson-keys">{t('lessons.keysHint')}</span>
        <button type="button" className="btn btn-small btn-ghost" data-testid="lesson-exit" title={t('lessons.exitTitle')} onClick={() => dispatchLesson({ type: 'exit' })}>
          {t('lessons.exit')} ✕
        </button>
      </header>
      <div className="lesson-content">
        <div className="lesson-text">
          <h2 className="lesson-step-title" data-testid="lesson-title">{pick(step.title)}</h2>
          <p className="lesson-body" data-testid="lesson-body">{pick(step.body)}</p>
          <StepTask step={step} />
          <StepAnswer step={step} answer={answer} />
          {preparing ? <p className="lesson-preparing" role="status">{t('lessons.preparing')}</p> : null}
        </div>
        <StepQuestion step={step} answer={answer} />
      </div>
      <footer className="lesson-nav">
        <button type="button" className="btn btn-small" data-testid="lesson-prev" disabled={index === 0} onClick={() => dispatchLesson({ type: 'prev' })}>
          ← {t('lessons.prev')}
        </button>
        <div className="lesson-dots" aria-hidden="true">
          {lesson.steps.map((_, i) => (
            <span key={i} className={`lesson-dot ${i === index ? 'lesson-dot-on' : ''}`} />
          ))}
        </div>
        <button
          type="button"
          className="btn btn-small btn-primary"
          data-testid="lesson-next"
          onClick={() => dispatchLesson({ type: last ? 'exit' : 'next' })}
        >
          {last ? t('lessons.finish') : t('lessons.next')} →
        </button>
      </footer>
    </section>
  );
}

function UnknownLinkNotice(props: { id: string }) {
  const t = useT();
  return (
    <div className="banner banner-warning lesson-link-error" role="alert" data-testid="lesson-link-error">
      {t('lessons.unknownLink', { id: props.id })}
    </div>
  );
}

export function LessonDock() {
  useLessonKeys();
  useStepSetup();
  const state = useLessonUi((s) => s.lesson);
  const unknown = useLessonUi((s) => s.unknownLink);
  const lesson = state ? findLesson(LESSONS, state.lessonId) : null;
  if (!state || !lesson) return unknown ? <UnknownLinkNotice id={unknown} /> : null;
  return <LessonDockBody lesson={lesson} index={state.step} answer={state.answers[state.step]} visit={state.visit} />;
}
