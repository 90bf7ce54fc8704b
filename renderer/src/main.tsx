import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { installPerfHook } from './perf/perf-marks.js';
import { installStateHook } from './inspect/state-hook.js';
import './styles.css';

installPerfHook();
installStateHook();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
