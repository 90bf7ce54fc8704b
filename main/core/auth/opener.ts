/**
 * Opens Dropbox's consent page in the system browser. Electron implements it
 * with shell.openExternal behind its trusted-URL check; browser mode has
 * none, and the renderer opens the page itself.
 */
export interface Opener {
  /** Resolves false when the URL was not opened (refused by the check, or no browser). */
  open(url: string): Promise<boolean>;
}
