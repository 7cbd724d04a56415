import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { App } from './App.tsx';
import { boot } from './boot.ts';

const page = boot();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App page={page} />
  </StrictMode>,
);
