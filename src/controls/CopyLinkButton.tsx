/**
 * "Copy link": the URL that reproduces this run. Where the clipboard API is missing or refused (plain http,
 * old browsers, locked-down lab machines) the link is shown selected in a field instead.
 */
import { useEffect, useRef, useState } from 'react';
import { runUrl } from '../client/urlSync.ts';
import { useT } from '../client/useT.ts';
import { useLang } from '../store/uiStore.ts';
import { useAppStore } from '../client/useApp.ts';
import { HeaderButton } from './HeaderButton.tsx';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

const CONFIRM_MS = 2000;

export function CopyLinkButton() {
  const t = useT();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'copied') {
      const id = window.setTimeout(() => setState({ kind: 'idle' }), CONFIRM_MS);
      return () => window.clearTimeout(id);
    }
    if (state.kind === 'manual') field.current?.select();
    return undefined;
  }, [state]);

  const store = useAppStore();
  const lang = useLang();
  const copy = async (): Promise<void> => {
    const url = runUrl({ config: store.getState().config, lang }, window.location);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard API');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  };

  return (
    <div className="copy-link">
      <HeaderButton
        data-testid="copy-link"
        icon="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
        title={t('header.copyTitle')}
        onClick={() => void copy()}
      >
        {state.kind === 'copied' ? t('header.copied') : t('header.copyLink')}
      </HeaderButton>
      <span className="visually-hidden" role="status">
        {state.kind === 'copied' ? t('header.copied') : ''}
      </span>
      {state.kind === 'manual' ? (
        <div className="popover" role="dialog" aria-label={t('header.copyLink')}>
          <label className="field-label" htmlFor="copy-link-field">
            {t('header.copyManual')}
          </label>
          <input
            id="copy-link-field"
            ref={field}
            className="input input-mono"
            data-testid="copy-link-field"
            readOnly
            value={state.url}
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={(e) => e.key === 'Escape' && setState({ kind: 'idle' })}
          />
          <button type="button" className="btn btn-small" onClick={() => setState({ kind: 'idle' })}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
