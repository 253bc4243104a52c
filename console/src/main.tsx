import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { session } from './auth/session';
import { ConsoleApp } from './console-app';
import './styles.css';

void session.resume();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename="/console">
      <ConsoleApp />
    </BrowserRouter>
  </StrictMode>,
);
