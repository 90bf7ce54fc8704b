import type { Column } from './columnar.js';

export class ColumnarError extends Error {}

/**
 * The values of a column (columnar.ts) over its `rows` rows: an array of that
 * length, undefined where a row has no value. Throws a ColumnarError when the
 * column does not add up (a damaged file).
 */
export function decodeColumn(col: Column, rows: number): unknown[] {
  return spreadOut(decodePresent(col, rows), rows);
}

/** Present values at their rows, dictionary strings looked up. */
function spreadOut({ values, dict, mask }: Present, rows: number): unknown[] {
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
      for (let r = 0; r < at.length; r++) {
        const i = at[r];
        if (!(i >= 0 && i < dict.length && Number.isInteger(i))) throw new ColumnarError('a dictionary index is out of range');
      }
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
  return mask.length - mask.replaceAll('1', '').length;
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

/** Makes a table's objects from its columns; `shapes[r]` says which optional keys row r has. */
type TableDecoder = (values: unknown[][], dicts: Array<string[] | undefined>, shapes: Int32Array, rows: number) => object[];

/** Past this many combinations of optional keys in one table, rows are made by a slower generic path. */
const MAX_SHAPES = 64;

/**
 * Rows of an object table. The objects are made by a small function compiled
 * for the table (cached by its keys and the combinations of optional keys its
 * rows have, usually a handful): one loop that builds each row as an object
 * literal with fixed keys, reading every field straight from its column.
 * That is what V8 builds fastest, several times faster than adding keys one
 * by one, and nothing is copied on the way.
 */
function decodeObjects(keys: string[], columns: Column[], rows: number): object[] {
  if (columns.length !== keys.length) throw new ColumnarError('an object table has a column count unlike its key count');
  for (const k of keys) if (typeof k !== 'string') throw new ColumnarError('an object key is not a string');
  const src = columns.map((c) => decodePresent(c, rows));
  // Optional keys: columns with a presence mask. Bit j of a row's shape: it has optional key j.
  const optional: number[] = [];
  src.forEach((c, k) => {
    if (c.mask !== undefined) optional.push(k);
  });
  const shapes = new Int32Array(rows);
  const seen = new Set<number>();
  if (optional.length <= 30) {
    for (let j = 0; j < optional.length; j++) {
      const mask = src[optional[j]].mask!;
      const bit = 1 << j;
      for (let r = mask.indexOf('1'); r >= 0; r = mask.indexOf('1', r + 1)) shapes[r] |= bit;
    }
    for (let r = 0; r < rows && seen.size <= MAX_SHAPES; r++) seen.add(shapes[r]);
  }
  const values = src.map((c) => c.values);
  const dicts = src.map((c) => c.dict);
  if (optional.length > 30 || seen.size > MAX_SHAPES) return genericRows(keys, src, rows);
  const decode = tableDecoder(keys, optional, [...seen], dicts.map((d) => d !== undefined));
  return decode(values, dicts, shapes, rows);
}

const decoders = new Map<string, TableDecoder>();

function tableDecoder(keys: string[], optional: number[], shapes: number[], isDict: boolean[]): TableDecoder {
  const field = (k: number, at: string) => {
    // A computed key makes "__proto__" an own property, as JSON.parse does, not the prototype;
    // other keys stay plain, which V8 builds faster. Keys enter the code only as JSON string literals.
    const name = keys[k] === '__proto__' ? '["__proto__"]' : JSON.stringify(keys[k]);
    return `${name}: ${isDict[k] ? `s${k}[c${k}[${at}]]` : `c${k}[${at}]`}`;
  };
  const cases = shapes.map((shape) => {
    const fields: string[] = [];
    keys.forEach((_, k) => {
      const j = optional.indexOf(k);
      if (j < 0) fields.push(field(k, 'r'));
      else if (shape & (1 << j)) fields.push(field(k, `j${k}++`));
    });
    return `case ${shape}: out[r] = {${fields.join(', ')}}; break;`;
  });
  const locals = keys.map((_, k) => `const c${k} = c[${k}]${isDict[k] ? `, s${k} = s[${k}]` : ''};`);
  const cursors = optional.map((k) => `let j${k} = 0;`);
  const body = [...locals, ...cursors, 'const out = new Array(n);', 'for (let r = 0; r < n; r++) {', 'switch (h[r]) {', ...cases, '}', '}', 'return out;'].join('\n');
  let decode = decoders.get(body);
  if (!decode) {
    decode = new Function('c', 's', 'h', 'n', body) as TableDecoder;
    decoders.set(body, decode);
  }
  return decode;
}

/** Rows of a table with too many combinations of optional keys for a compiled loop: keys added one at a time. */
function genericRows(keys: string[], src: Present[], rows: number): object[] {
  const columns = src.map((c) => spreadOut(c, rows));
  const out = new Array<object>(rows);
  for (let r = 0; r < rows; r++) {
    const o: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const v = columns[k][r];
      // defineProperty, so a "__proto__" key is an own property as JSON.parse makes it.
      if (v !== undefined) Object.defineProperty(o, keys[k], { value: v, writable: true, enumerable: true, configurable: true });
    }
    out[r] = o;
  }
  return out;
}
