/**
 * Dropbox account ids are exactly 40 characters, "dbid:" and 35 more
 * (users_common.AccountId); strict clients refuse anything else. The sandbox
 * keeps its short readable tag at the front and fills the rest from a hash
 * of it, so ids stay deterministic and cheap to mint for 50,000 members.
 */
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BODY_LENGTH = 35;

export function accountIdFor(tag: string): string {
  let body = tag.slice(0, BODY_LENGTH);
  // FNV-1a of the tag, then a xorshift walk: plenty to tell ids apart, no crypto needed.
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), 0x01000193) >>> 0;
  while (body.length < BODY_LENGTH) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    body += ID_CHARS[h & 63];
  }
  return `dbid:${body}`;
}

/** Teams saved before ids had the spec's length get the long form of the same id. */
export function upgradeAccountId(id: string): string {
  return id.length === 5 + BODY_LENGTH ? id : accountIdFor(id.replace(/^dbid:/, ''));
}
