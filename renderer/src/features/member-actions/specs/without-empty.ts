/** Trimmed text fields, leaving out the ones left empty (an optional parameter not given). */
export function withoutEmpty(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const trimmed = value.trim();
    if (trimmed !== '') out[key] = trimmed;
  }
  return out;
}
