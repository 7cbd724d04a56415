import { useEffect, useRef, type ReactNode } from 'react';
import { useView, useViewStore } from '../store/viewStore.ts';
import { useT } from '../client/useT.ts';
import { useDimmedByLesson } from '../lessons/lessonStore.ts';
import { PanelMenu } from './PanelMenu.tsx';

/**
 * The frame every panel sits in: a title bar (with optional controls) and its body. The title bar also holds
 * what every panel offers the same way — its export menu and "fill the window" — so no panel re-implements them.
 */
export function Panel(props: { testId: string; title: string; subtitle?: ReactNode; controls?: ReactNode; children: ReactNode; className?: string }) {
  const t = useT();
  const section = useRef<HTMLElement>(null);
  const view = useViewStore();
  const fullscreen = useView((s) => s.fullscreen === props.testId);
  const dimmed = useDimmedByLesson(props.testId);

  useEffect(() => {
    if (!fullscreen) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) view.setState({ fullscreen: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fullscreen, view]);

  return (
    <section
      ref={section}
      className={`panel ${props.className ?? ''}${fullscreen ? ' panel-is-fullscreen' : ''}`}
      data-testid={props.testId}
      aria-label={props.title}
      inert={dimmed}
    >
      <header className="panel-header">
        <div className="panel-heading">
          <h2>{props.title}</h2>
          {props.subtitle ? <span className="panel-subtitle">{props.subtitle}</span> : null}
        </div>
        <div className="panel-actions">
          <PanelMenu testId={props.testId} title={props.title} panel={section} />
          <button
            type="button"
            className="btn btn-ghost btn-icon-only"
            data-testid="panel-fullscreen"
            aria-pressed={fullscreen}
            aria-label={fullscreen ? t('panel.exitFullscreen', { title: props.title }) : t('panel.fullscreen', { title: props.title })}
            title={fullscreen ? t('panel.exitFullscreen', { title: props.title }) : t('panel.fullscreen', { title: props.title })}
            onClick={() => view.setState({ fullscreen: fullscreen ? null : props.testId })}
          >
            <svg className="btn-svg" viewBox="0 0 24 24" aria-hidden="true">
              {fullscreen ? <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" /> : <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />}
            </svg>
          </button>
        </div>
        {props.controls ? <div className="panel-controls">{props.controls}</div> : null}
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}
