import { useT } from '../client/useT.ts';
import { useLang, useUiStore } from '../store/uiStore.ts';

/** One button, both languages on it: whoever cannot read the current one can still find the other. */
export function LangToggle() {
  const t = useT();
  const lang = useLang();
  const ui = useUiStore();
  return (
    <button
      type="button"
      className="btn btn-ghost lang-toggle"
      data-testid="lang-toggle"
      // No aria-label: the accessible name is what the button shows, so voice control ("click EN") finds it.
      title={t('header.langTitle')}
      onClick={() => ui.setState({ lang: lang === 'en' ? 'zh' : 'en' })}
    >
      <span className={lang === 'en' ? 'lang-active' : undefined} lang="en">
        EN
      </span>
      <span aria-hidden="true"> / </span>
      <span className={lang === 'zh' ? 'lang-active' : undefined} lang="zh-CN">
        中文
      </span>
    </button>
  );
}
