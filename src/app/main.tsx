import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { App } from './App.tsx';
import { boot } from './boot.ts';

const { client, view, urlWarnings } = boot();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App client={client} view={view} urlWarnings={urlWarnings} />
  </StrictMode>,
);
