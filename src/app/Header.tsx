import { CopyLinkButton } from '../controls/CopyLinkButton.tsx';
import { CsvUploadButton } from '../controls/CsvUpload.tsx';
import { AboutButton } from './About.tsx';
import { LessonsButton } from '../lessons/LessonList.tsx';
import { GlossaryButton } from '../lessons/Glossary.tsx';
import { LangToggle } from '../controls/LangToggle.tsx';
import { toggleShortcuts } from '../store/actions.ts';
import { useT } from '../client/useT.ts';
import { useUiStore } from '../store/uiStore.ts';
import { ClassLinkButton, DrawerButton, PresentButton, ThemeButton } from '../classroom/HeaderButtons.tsx';

export function Header() {
  const t = useT();
  const ui = useUiStore();
  return (
    <header className="app-header">
      <DrawerButton />
      <div className="app-brand">
        <svg className="app-logo" viewBox="0 0 32 32" aria-hidden="true">
          <circle cx="13" cy="13" r="9" fill="none" stroke="currentColor" strokeWidth="3" />
          <path d="M19.5 19.5 L28 28" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" />
          <path d="M8 15 q2.5 -6 5 0 t5 0" fill="none" stroke="#d6336c" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <div>
          <h1 className="app-title">{t('app.title')}</h1>
          <p className="app-tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <nav className="app-header-actions" aria-label={t('header.actions')}>
        <LessonsButton />
        <GlossaryButton />
        <PresentButton />
        <CsvUploadButton />
        <AboutButton />
        <CopyLinkButton />
        <ClassLinkButton />
        <LangToggle />
        <ThemeButton />
        <button
          type="button"
          className="btn btn-ghost btn-round"
          data-testid="btn-shortcuts"
          title={t('shortcut.title')}
          aria-label={t('shortcut.title')}
          onClick={() => toggleShortcuts(ui)}
        >
          ?
        </button>
      </nav>
    </header>
  );
}
