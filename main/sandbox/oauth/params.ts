/**
 * OAuth parameters as a plain record. RFC 6749 forbids sending one twice, so a
 * repeat (also across query string and body) is reported instead of guessed at.
 */
export type Params = { ok: true; values: Map<string, string> } | { ok: false; repeated: string };

export function collectParams(...sources: URLSearchParams[]): Params {
  const values = new Map<string, string>();
  for (const src of sources) {
    for (const [k, v] of src) {
      if (values.has(k)) return { ok: false, repeated: k };
      values.set(k, v);
    }
  }
  return { ok: true, values };
}
