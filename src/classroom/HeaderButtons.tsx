/** Header buttons of the classroom features: presenter mode, the class link, the colour theme, the settings drawer. */
import { useState } from 'react';
import { useView, useViewStore, type ThemeChoice } from '../store/viewStore.ts';
import { useT } from '../client/useT.ts';
import { HeaderButton } from '../controls/HeaderButton.tsx';
import { ClassLinkDialog } from './ClassLinkDialog.tsx';
import { togglePresenter } from './useViewEffects.ts';

export function PresentButton() {
  const t = useT();
  const view = useViewStore();
  const present = useView((s) => s.present);
  return (
    <HeaderButton
      data-testid="btn-present"
      icon="M3 4h18v12H3zM12 16v4M8 20h8"
      aria-pressed={present}
      title={t('present.title')}
      aria-keyshortcuts="P"
      onClick={() => togglePresenter(view)}
    >
      {present ? t('present.off') : t('present.on')}
    </HeaderButton>
  );
}

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'dark', dark: 'light', light: 'system' };
/** Moon, sun, and a half-filled disc for following the system. */
const THEME_ICON: Record<ThemeChoice, string> = {
  dark: 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
  light: 'M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM12 1v3M12 20v3M1 12h3M20 12h3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1',
  system: 'M12 3a9 9 0 1 0 0 18zM12 3a9 9 0 0 1 0 18',
};

export function ThemeButton() {
  const t = useT();
  const view = useViewStore();
  const theme = useView((s) => s.theme);
  const label = t(`theme.${theme}`);
  return (
    <HeaderButton
      className="btn btn-ghost btn-round theme-toggle"
      data-testid="btn-theme"
      data-theme-choice={theme}
      icon={THEME_ICON[theme]}
      title={label}
      aria-label={label}
      onClick={() => view.setState({ theme: NEXT_THEME[theme] })}
    />
  );
}

export function ClassLinkButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <HeaderButton data-testid="btn-class-link" onClick={() => setOpen(true)}>
        {t('classLink.button')}
      </HeaderButton>
      {open ? <ClassLinkDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** Phones: the settings live in a drawer this button opens. */
export function DrawerButton() {
  const t = useT();
  const view = useViewStore();
  const open = useView((s) => s.drawerOpen);
  return (
    <HeaderButton
      className="btn btn-ghost drawer-toggle"
      data-testid="btn-drawer"
      icon="M4 6h16M4 12h16M4 18h16"
      aria-expanded={open}
      aria-controls="config-drawer"
      onClick={() => view.setState({ drawerOpen: !open })}
    >
      {t('drawer.open')}
    </HeaderButton>
  );
}
