/** The "Dismiss" button of a banner or note: closes it and changes nothing else. */
import { useT } from '../client/useT.ts';

export function DismissButton({ onDismiss, testId, ghost = true }: { onDismiss: () => void; testId?: string; ghost?: boolean }) {
  const t = useT();
  return (
    <button type="button" className={ghost ? 'btn btn-small btn-ghost' : 'btn btn-small'} data-testid={testId} onClick={onDismiss}>
      {t('common.dismiss')}
    </button>
  );
}
