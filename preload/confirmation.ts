/**
 * The one rule for "type X to confirm", shared by the dialog (renderer) and
 * the job engine (main) so a phrase the dialog accepts is never refused by
 * main, or the other way round. Surrounding spaces never count. An email
 * matches in any case (Dropbox treats addresses case-insensitively, and
 * people type them that way); any other phrase, such as a team name, must
 * match exactly. A count is digits, the same either way.
 */
export function confirmationMatches(typed: string | undefined, wanted: string): boolean {
  if (typed === undefined) return false;
  const a = typed.trim();
  const b = wanted.trim();
  if (b.includes('@')) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
