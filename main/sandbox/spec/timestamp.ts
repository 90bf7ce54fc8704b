/**
 * A Stone Timestamp format (strftime, as in "%Y-%m-%dT%H:%M:%SZ") as a
 * whole-string pattern that also refuses impossible field values (month 13,
 * hour 24), so "2024-01-01T00:00:00.000Z" or "2024-13-01" fail.
 */
const FIELDS: Record<string, string> = {
  Y: '\\d{4}',
  m: '(0[1-9]|1[0-2])',
  d: '(0[1-9]|[12]\\d|3[01])',
  H: '([01]\\d|2[0-3])',
  M: '[0-5]\\d',
  S: '([0-5]\\d|60)',
};

export function timestampPattern(format: string): RegExp {
  let re = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '%') {
      const f = FIELDS[format[++i]];
      if (!f) throw new Error(`unsupported timestamp directive %${format[i]} in "${format}"`);
      re += f;
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
