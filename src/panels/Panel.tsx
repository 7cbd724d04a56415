import type { ReactNode } from 'react';

/** The frame every panel sits in: a title bar (with optional controls) and its body. */
export function Panel(props: { testId: string; title: string; subtitle?: string; controls?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`panel ${props.className ?? ''}`} data-testid={props.testId} aria-label={props.title}>
      <header className="panel-header">
        <h2>{props.title}</h2>
        {props.subtitle ? <span className="panel-subtitle">{props.subtitle}</span> : null}
        {props.controls ? <div className="panel-controls">{props.controls}</div> : null}
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}
