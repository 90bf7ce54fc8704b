import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../main/electron/app-menu.js';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

/** What would let someone poke at the page's state: DevTools, and reloads that resend its hand-over. */
const DEBUG_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('offers no "Toggle Developer Tools" or reload in a packaged app (%s)', (platform) => {
    const r = roles(appMenuTemplate(platform, false));
    for (const role of DEBUG_ROLES) expect(r).not.toContain(role);
    // Still a usable app: copy and paste, quit, full screen.
    expect(r).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'togglefullscreen']));
    expect(r).toContain('quit');
  });

  it('keeps DevTools for development runs', () => {
    expect(roles(appMenuTemplate('linux', true))).toContain('toggleDevTools');
  });
});
