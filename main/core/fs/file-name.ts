import { existsSync, renameSync } from 'node:fs';

/**
 * An id (a Dropbox team id such as "dbtid:AAB…") as a file or folder name.
 * Injective, so two ids never share a file: letters, digits and "-" stay,
 * every other byte (of its UTF-8, "_" included) becomes "_" and two hex digits.
 * "dbtid:X" → "dbtid_3aX", "dbtid_X" → "dbtid_5fX".
 */
export function fileNameOf(id: string): string {
  let out = '';
  for (const byte of Buffer.from(id, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9-]/.test(c) ? c : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The name earlier versions gave an id (not injective): read only to move old files to their new name. */
export function legacyFileNameOf(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Moves a file or folder from an id's legacy name to its new one, once, when
 * the new one does not exist yet and `belongs` confirms what is there is this
 * id's (the legacy name could be shared by two ids).
 */
export function moveLegacy(legacyPath: string, path: string, belongs: () => boolean): void {
  if (legacyPath === path || existsSync(path) || !existsSync(legacyPath)) return;
  try {
    if (belongs()) renameSync(legacyPath, path);
  } catch {
    // Left where it is: the old name stays readable by hand, nothing is lost.
  }
}
