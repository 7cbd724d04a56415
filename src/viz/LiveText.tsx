import { useRef } from 'react';
import { useRepaint, type Source } from '../client/source.ts';

/** Text that follows a Source (e.g. the training step of the frame on show) without re-rendering React. */
export function LiveText(props: { source: Source<string>; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useRepaint(props.source, () => {
    if (ref.current) ref.current.textContent = props.source.read() ?? '';
  });
  return <span ref={ref} className={props.className} />;
}
