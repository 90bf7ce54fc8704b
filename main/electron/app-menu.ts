import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: editing, full screen and quitting, plus DevTools and
 * reload only for development runs. Electron's default menu offers "Toggle
 * Developer Tools" in every build. A pure function so a unit test pins it.
 */
export function appMenuTemplate(platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const develop: MenuItemConstructorOptions[] = devTools ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] : [];
  const menu: MenuItemConstructorOptions[] = [
    { role: 'editMenu' as const, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...develop] },
    { role: 'windowMenu' as const, submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
  // macOS keeps Quit in the app's own menu; elsewhere it sits in File.
  const quit: MenuItemConstructorOptions = platform === 'darwin' ? { role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] } : { label: 'File', submenu: [{ role: 'quit' }] };
  return [quit, ...menu];
}
