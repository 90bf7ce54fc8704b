import type { AppInfo } from '../../../../preload/contract.js';

/**
 * What the admin should know about where sign-ins are kept, or nothing when
 * the OS encrypts them (the expected case). Browser mode and Electron without
 * OS encryption both keep them in memory only, for different reasons.
 */
export function signInStorageNote(info: Pick<AppInfo, 'mode' | 'secretStorage'> | null): string | undefined {
  if (!info) return undefined;
  switch (info.secretStorage) {
    case 'encrypted':
      return undefined;
    case 'plain_accepted':
      return 'Sign-ins are saved without OS encryption because you allowed it (--allow-plain-secrets).';
    case 'session':
      return info.mode === 'browser'
        ? 'Sign-ins are kept only until Teamkeeper quits: in browser mode they are never written to disk, so you sign in again after a restart.'
        : 'Sign-ins are kept only until Teamkeeper quits: this computer offers no secure storage for them, so they are never written to disk and you sign in again after a restart.';
  }
}
