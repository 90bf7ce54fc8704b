import type { Column } from './columnar.js';

export class ColumnarError extends Error {}

/**
 * The values of a column (columnar.ts) over its `rows` rows: an array of that
 * length, undefined where a row has no value. Throws a ColumnarError when the
 * column does not add up (a damaged file).
 */
export function decodeColumn(col: Column, rows: number): unknown[] {
  const src = decodePresent(col, rows);
  const { values, dict, mask } = src;
  if (!dict && mask === undefined) return values;
  const out = new Array<unknown>(rows);
  let j = 0;
  for (let i = 0; i < rows; i++) {
    if (mask !== undefined && mask.charCodeAt(i) !== ONE) out[i] = undefined;
    else out[i] = dict ? dict[values[j++] as number] : values[j++];
  }
  return out;
}

const ONE = 49; // '1' in a presence mask

/**
 * A column's values for its present rows only, with what is needed to read
 * them in place: the dictionary a 'd' column's indexes point into, and the
 * presence mask. Nothing is spread out or looked up ahead of time.
 */
interface Present {
  values: unknown[];
  dict?: string[];
  mask?: string;
}

function decodePresent(col: Column, rows: number): Present {
  if (typeof col !== 'object' || col === null) throw new ColumnarError('a column is not an object');
  if (col.t === 'e') return { values: [], mask: '0'.repeat(rows) };
  const mask = col.m;
  if (mask !== undefined && (typeof mask !== 'string' || mask.length !== rows)) throw new ColumnarError('a presence mask has the wrong length');
  const present = mask === undefined ? rows : countPresent(mask);
  switch (col.t) {
    case 'p':
    case 'x':
      return { values: list(col.v, present), mask };
    case 'd': {
      const dict = list(col.s);
      const at = list(col.v, present);
      for (const i of at) if (!(i >= 0 && i < dict.length && Number.isInteger(i))) throw new ColumnarError('a dictionary index is out of range');
      return { values: at, dict, mask };
    }
    case 'a':
      return { values: decodeArrays(list(col.l, present), col.i), mask };
    case 'o':
      return { values: decodeObjects(list(col.k), list(col.c), present), mask };
    default:
      throw new ColumnarError(`unknown column type ${JSON.stringify((col as { t: unknown }).t)}`);
  }
}

function list<T>(v: T[], length?: number): T[] {
  if (!Array.isArray(v)) throw new ColumnarError('a column holds a non-array where a list belongs');
  if (length !== undefined && v.length !== length) throw new ColumnarError(`a column holds ${v.length} values for ${length} rows`);
  return v;
}

function countPresent(mask: string): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask.charCodeAt(i) === ONE) n++;
  return n;
}

function decodeArrays(lengths: number[], itemsCol: Column): unknown[][] {
  let total = 0;
  for (const l of lengths) {
    if (!Number.isInteger(l) || l < 0) throw new ColumnarError('an array length is not a whole number');
    total += l;
  }
  const items = decodeColumn(itemsCol, total);
  const out = new Array<unknown[]>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i];
    out[i] = l === 0 ? [] : items.slice(at, at + l);
    at += l;
  }
  return out;
}

type Maker = (values: unknown[][], dicts: Array<string[] | undefined>, cursors: Int32Array, row: number) => object;

/**
 * Rows of an object table. Each object is made in one step by a small
 * function compiled for its set of keys (one per combination of optional keys
 * present, usually a handful per table) that reads every field straight from
 * its column: an object literal with fixed keys is what V8 builds fastest,
 * several times faster than adding keys one by one, and nothing is copied
 * on the way.
 */
function decodeObjects(keys: string[], columns: Column[], rows: number): object[] {
  if (columns.length !== keys.length) throw new ColumnarError('an object table has a column count unlike its key count');
  for (const k of keys) if (typeof k !== 'string') throw new ColumnarError('an object key is not a string');
  const src = columns.map((c) => decodePresent(c, rows));
  const values = src.map((s) => s.values);
  const dicts = src.map((s) => s.dict);
  // Optional keys: columns with a presence mask. Each has a cursor into its present values.
  const optional: number[] = [];
  const masks: string[] = [];
  src.forEach((s, k) => {
    if (s.mask !== undefined) {
      optional.push(k);
      masks.push(s.mask);
    }
  });
  const cursors = new Int32Array(keys.length);
  const out = new Array<object>(rows);
  // Which optional keys a row has, as bits; past 30 of them, a string of the bits.
  const shapes = new Map<number | string, Maker>();
  const wide = optional.length > 30;
  for (let row = 0; row < rows; row++) {
    let shape: number | string = 0;
    if (!wide) {
      for (let j = 0; j < masks.length; j++) if (masks[j].charCodeAt(row) === ONE) shape |= 1 << j;
    } else {
      shape = masks.map((m) => m[row]).join('');
    }
    let make = shapes.get(shape);
    if (!make) {
      const here = new Set(optional.filter((_, j) => masks[j].charCodeAt(row) === ONE));
      make = makerFor(keys, (k) => (optional.includes(k) ? (here.has(k) ? 'next' : 'absent') : 'row'), dicts);
      shapes.set(shape, make);
    }
    out[row] = make(values, dicts, cursors, row);
  }
  return out;
}

const makers = new Map<string, Maker>();

/**
 * The compiled maker for objects with the keys `where` says are present:
 * read at the row ('row', a column with a value in every row) or at the
 * column's cursor ('next', a column with values for some rows only).
 */
function makerFor(keys: string[], where: (k: number) => 'row' | 'next' | 'absent', dicts: Array<string[] | undefined>): Maker {
  const fields: string[] = [];
  keys.forEach((key, k) => {
    const w = where(k);
    if (w === 'absent') return;
    const at = w === 'row' ? 'r' : `j[${k}]++`;
    const value = dicts[k] ? `s[${k}][c[${k}][${at}]]` : `c[${k}][${at}]`;
    // A computed key makes "__proto__" an own property, as JSON.parse does, not the prototype;
    // other keys stay plain, which V8 builds faster. Keys enter the code only as JSON string literals.
    const name = key === '__proto__' ? '["__proto__"]' : JSON.stringify(key);
    fields.push(`${name}: ${value}`);
  });
  const body = `return {${fields.join(', ')}};`;
  let make = makers.get(body);
  if (!make) {
    make = new Function('c', 's', 'j', 'r', body) as Maker;
    makers.set(body, make);
  }
  return make;
}
