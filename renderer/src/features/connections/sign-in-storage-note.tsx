import { useConnectionStore } from './connection-store.js';
import { signInStorageNote } from './sign-in-storage.js';

/** Shown while connecting, so an admin is not surprised to sign in again after a restart. */
export function SignInStorageNote() {
  const appInfo = useConnectionStore((s) => s.appInfo);
  const note = signInStorageNote(appInfo);
  return note ? <p className="connect__note">{note}</p> : null;
}
