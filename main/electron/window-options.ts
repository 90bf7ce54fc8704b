import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The security baseline of the one app window, as a pure function so a unit
 * test pins every flag (the Electron binary cannot run everywhere).
 * `devTools` only for development runs: in a packaged app they would show
 * the page's state and let anyone at the keyboard call the app's API.
 */
export function windowOptions(preloadPath: string, { devTools = false }: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    title: 'Teamkeeper',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}
