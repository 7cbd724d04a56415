/** Why the table trained on was not kept for a reload: said when it happens, and again after the reload. */
import { useEffect, useState } from 'react';
import { useT } from '../../client/useT.ts';
import { csvStore, type NotKept } from '../../store/csvPersist.ts';
import { formatBytes } from './csvFlow.ts';
import { DismissButton } from '../DismissButton.tsx';

function params(n: NotKept): Record<string, string> {
  return { file: n.name, size: formatBytes(n.bytes), limit: formatBytes(n.limit) };
}

/** Right after Train: the table could not be kept. */
export function CsvNotKeptNotice(props: { notKept: NotKept; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="popover csv-missing" role="alert" data-testid="csv-not-kept" data-reason={props.notKept.reason}>
      <span>{t(`csvUi.notKept.${props.notKept.reason}`, params(props.notKept))}</span>
      <DismissButton ghost={false} onDismiss={props.onDismiss} />
    </div>
  );
}

/** After a reload that finds no table: why, when the last save left a note. */
export function LostCsvReason() {
  const t = useT();
  const [notKept, setNotKept] = useState<NotKept | null>(null);
  useEffect(() => {
    let live = true;
    void csvStore.notKept().then((n) => live && setNotKept(n));
    return () => {
      live = false;
    };
  }, []);
  return notKept ? <span data-testid="csv-lost-reason"> {t(`csvUi.lost.${notKept.reason}`, params(notKept))}</span> : null;
}
