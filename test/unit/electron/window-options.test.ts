import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../main/electron/window-options.js';

describe('windowOptions', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences!;

  it.each<[string, unknown]>([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ])('%s is %s', (key, value) => {
    expect(prefs[key as keyof typeof prefs]).toBe(value);
  });

  it('loads the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('shows the window only once it has painted', () => {
    expect(windowOptions('/p').show).toBe(false);
  });

  it('has no DevTools unless asked (a development run), so a packaged app opens none', () => {
    expect(windowOptions('/p').webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p', { devTools: true }).webPreferences!.devTools).toBe(true);
  });
});
