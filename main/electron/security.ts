import { app, shell, type Session, type WebContents } from 'electron';
import type { Opener } from '../core/auth/opener.js';
import { isAppUrl, isTrustedExternalUrl } from './trusted-url.js';

/** Hands a link to the system browser only when it passes the allow-list. */
export function openExternalChecked(url: string): void {
  if (isTrustedExternalUrl(url)) void shell.openExternal(url);
}

/**
 * Opens Dropbox's consent page for the connect flow: dropbox.com, or the
 * origin of --dropbox-url when the app was started with one.
 */
export function consentPageOpener(dropboxUrl: string | undefined): Opener {
  const extra = dropboxUrl ? [new URL(dropboxUrl).origin] : [];
  return {
    async open(url) {
      if (!isTrustedExternalUrl(url, extra)) return false;
      await shell.openExternal(url);
      return true;
    },
  };
}

function lockDownContents(contents: WebContents): void {
  // The page never navigates away from the app; dropbox.com links open outside.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalChecked(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalChecked(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No camera, microphone, notifications, geolocation, devices…: the app needs none. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Installs the security handlers for every web contents the app ever creates. */
export function applySecurityPolicy(session: Session): void {
  denyPermissions(session);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
