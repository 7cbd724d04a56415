import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { App } from './App.tsx';
import { boot } from './boot.ts';
import { ErrorBoundary, logCaughtError } from './ErrorBoundary.tsx';

const page = boot();

createRoot(document.getElementById('root') as HTMLElement, { onCaughtError: logCaughtError }).render(
  <StrictMode>
    <ErrorBoundary area="app" shell>
      <App page={page} />
    </ErrorBoundary>
  </StrictMode>,
);
