const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Lowercase without accents, so "chloe" finds "Chloé". The Unicode
 * normalisation is skipped for plain ASCII, which is nearly every email and
 * most names: that keeps preparing 50,000 rows cheap.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(COMBINING_MARKS, '') : lower;
}
