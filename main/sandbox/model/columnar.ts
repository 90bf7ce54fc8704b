/**
 * A columnar form of JSON data, for the saved team (snapshot.ts).
 *
 * Why: the saved 50,000-member team is about 400,000 small objects. As plain
 * JSON, JSON.parse spends most of its time reading the same keys again for
 * every record and building each object one key at a time. Here the values of
 * one field over all records sit together in one array (a column), so the
 * file is mostly long arrays of strings and numbers, which JSON.parse reads
 * several times faster; strings that repeat (statuses, countries, app names)
 * are kept once in a dictionary. Decoding then makes each record in one step
 * (columnar-decode.ts).
 *
 * It is generic: any JSON value is encoded, whatever its fields, so a field
 * added to the team's state later is saved without changes here.
 *
 * A column holds the values one position takes over N rows. Rows where the
 * position has no value (an optional field left out) are marked in `m`, a
 * string of '1' (present) and '0' (absent) of length N, omitted when every
 * row has one; the column's other arrays cover the present rows only.
 */
export type Primitive = string | number | boolean | null;

export type Column =
  /** No row has a value. */
  | { t: 'e' }
  /** Strings, numbers, booleans and nulls. */
  | { t: 'p'; v: Primitive[]; m?: string }
  /** Strings from a small set: `s` is the set, `v` the index of each row's string in it. */
  | { t: 'd'; s: string[]; v: number[]; m?: string }
  /** Objects: a table whose rows are the present values, one column per key `k`. */
  | { t: 'o'; k: string[]; c: Column[]; m?: string }
  /** Arrays: each row's length in `l`, and all their items one after another in column `i`. */
  | { t: 'a'; l: number[]; i: Column; m?: string }
  /** Values of mixed kinds (a field that is a string in one row and an object in another), as plain JSON. */
  | { t: 'x'; v: unknown[]; m?: string };

/** The snapshot's own view of a value's kind; undefined for what JSON leaves out of an object. */
export type Kind = 'p' | 'o' | 'a' | 'x';

export function kindOf(v: unknown): Kind | undefined {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return 'p';
    case 'object':
      if (v === null) return 'p';
      if (Array.isArray(v)) return 'a';
      // Something with its own JSON form (a Date, say) is kept as that JSON.
      return typeof (v as { toJSON?: unknown }).toJSON === 'function' ? 'x' : 'o';
    case 'bigint':
      return 'x';
    default:
      // undefined, functions and symbols: JSON.stringify leaves such keys out.
      return undefined;
  }
}
