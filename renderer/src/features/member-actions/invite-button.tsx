import { useDirectoryStore } from '../directory/directory-store.js';
import { useActionStore } from './action-store.js';
import { inviteSpec } from './registry.js';

/** "Invite member…" in the directory toolbar. */
export function InviteButton() {
  const ready = useDirectoryStore((s) => s.directory !== null);
  const open = useActionStore((s) => s.open);
  return (
    <button type="button" className="button" disabled={!ready} aria-haspopup="dialog" onClick={() => open(inviteSpec, undefined)}>
      Invite member…
    </button>
  );
}
