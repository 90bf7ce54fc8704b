import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { installPerfHook } from './perf/perf-hook.js';
import { installStateHook } from './inspect/state-hook.js';
import { TEST_HOOKS } from './inspect/test-hooks.js';
import './styles.css';

if (TEST_HOOKS) {
  installPerfHook();
  installStateHook();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
