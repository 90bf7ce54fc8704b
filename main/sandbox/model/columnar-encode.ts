import { performance } from 'node:perf_hooks';
import { decodeColumn } from './columnar-decode.js';
import { kindOf, type Column, type Kind, type Primitive } from './columnar.js';

/** Arrays longer than this are taken to be lists of records: their items are encoded whole, with pauses between them. */
const LONG_ARRAY = 256;
/** Work between pauses of a sliced encoding: well under the event loop's 20 ms budget. */
const SLICE_MS = 2;
/** A string column stops counting distinct values past this many: it is not a dictionary column. */
const DICTIONARY_MAX = 4096;
/** Values per piece of JSON text: a piece is a fraction of a ms to make. */
const TEXT_CHUNK = 1024;

/**
 * Builds one column (columnar.ts) from values added row by row. Values are
 * read when added, so later changes to the objects they came from do not
 * reach the column.
 */
export class ColumnBuilder {
  private rows = 0;
  /** Rows without a value, in order. */
  private absent: Uint32List;
  private kind: Kind | undefined;
  // 'p'
  /** The values, once the column is not (or no longer) a dictionary; until then `codes` holds them. */
  private prims: Primitive[] = [];
  /** Distinct strings of a 'p' column so far; undefined once it holds a non-string or too many. */
  private distinct: Map<string, number> | undefined = new Map();
  /** Each row's index into `distinct`, kept while it lasts (so finishing costs no pass over the rows). */
  private codes: Uint32List;
  // 'o'
  private children = new Map<string, ColumnBuilder>();
  private objects = 0;
  // 'a'
  private lengths: Uint32List;
  private items: ColumnBuilder | undefined;
  // 'x'
  private raw: string[] = [];

  /**
   * `rows`: how many rows the column is expected to get, when known (the
   * items of a long list, and the fields of those items): its arrays are
   * sized for them at once instead of growing step by step.
   *
   * Why typed arrays: a compaction keeps every builder live until its text
   * is written, while writes keep being answered. Row indexes, lengths and
   * dictionary codes held as numbers in plain arrays are heap the garbage
   * collector copies and scans on every pass over that time; in typed arrays
   * they sit outside it, and only the strings and the few mixed values are
   * left for it to trace.
   */
  constructor(private readonly expected = 0) {
    this.absent = new Uint32List(0);
    this.codes = new Uint32List(expected);
    this.lengths = new Uint32List(0);
  }

  add(v: unknown): void {
    const kind = this.enter(v);
    switch (kind) {
      case undefined:
        return;
      case 'p':
        return this.addPrimitive(v as Primitive);
      case 'x':
        this.raw.push(jsonOf(v));
        return;
      case 'a': {
        const arr = v as unknown[];
        const items = this.arrayItems(arr.length);
        for (let i = 0; i < arr.length; i++) items.add(arrayItem(arr[i]));
        return;
      }
      case 'o': {
        const row = this.objects++;
        const obj = v as Record<string, unknown>;
        // for-in walks the keys in Object.keys's order without making an array of them for every record.
        for (const key in obj) {
          if (!Object.hasOwn(obj, key)) continue;
          const value = obj[key];
          if (kindOf(value) !== undefined) this.child(key, row).add(value);
        }
        return;
      }
    }
  }

  /**
   * Like add(), but pauses (yields) every few ms: between the items of long
   * arrays, whose items are then taken as records and added whole, and
   * between the fields of objects and short arrays above them. A caller
   * that must stay responsive runs it a slice per turn of the event loop.
   * Arrays are copied first, so one spliced meanwhile is still read as a whole.
   */
  *addInSlices(v: unknown): Generator<void> {
    const kind = kindOf(v);
    if ((kind !== 'a' && kind !== 'o') || (this.kind !== undefined && this.kind !== kind)) return this.add(v);
    if (kind === 'a') {
      const arr = (v as unknown[]).slice();
      this.enter(arr);
      const items = this.arrayItems(arr.length);
      const long = arr.length > LONG_ARRAY;
      for (let i = 0; i < arr.length; i++) {
        const item = arrayItem(arr[i]);
        if (long || !isContainer(item)) items.add(item);
        else yield* items.addInSlices(item);
        if (pauseDue()) yield;
      }
      return;
    }
    this.enter(v);
    const row = this.objects++;
    const obj = v as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (kindOf(value) === undefined) continue;
      const child = this.child(key, row);
      if (isContainer(value)) yield* child.addInSlices(value);
      else child.add(value);
      if (pauseDue()) yield;
    }
  }


  /**
   * The column as JSON text, in pieces of at most a few thousand values.
   * Nested columns are written one at a time as their turn comes, so a
   * writer that yields between pieces never waits on the whole table; each
   * lets go of what it holds once written, so the garbage collector has less
   * and less to trace as the end nears. Call it once: the builder is empty after.
   */
  *text(): Generator<string> {
    if (this.rows === this.absent.length || this.kind === undefined) {
      this.release();
      return yield '{"t":"e"}';
    }
    const dictionary = this.kind === 'p' && this.isDictionary();
    yield `{"t":"${dictionary ? 'd' : this.kind}"`;
    if (this.absent.length) yield `,"m":"${presenceMask(this.rows, this.absent)}"`;
    switch (this.kind) {
      case 'p':
        if (dictionary) {
          yield `,"s":${JSON.stringify([...this.distinct!.keys()])},"v":`;
          yield* numbersText(this.codes.view());
        } else {
          yield ',"v":';
          yield* arrayText(this.primitives());
        }
        break;
      case 'x':
        yield ',"v":';
        yield* rawText(this.raw);
        break;
      case 'a':
        yield ',"l":';
        yield* numbersText(this.lengths.view());
        yield ',"i":';
        yield* (this.items ?? new ColumnBuilder()).text();
        break;
      case 'o': {
        yield `,"k":${JSON.stringify([...this.children.keys()])},"c":[`;
        let first = true;
        for (const [key, c] of this.children) {
          if (!first) yield ',';
          first = false;
          c.padTo(this.objects);
          yield* c.text();
          this.children.delete(key);
        }
        yield ']';
        break;
      }
    }
    yield '}';
    this.release();
  }

  /** The column as built so far, as plain data (tests, and a column turning raw). */
  finish(): Column {
    const present = this.rows - this.absent.length;
    const m = this.absent.length ? presenceMask(this.rows, this.absent) : undefined;
    const withMask = <C extends Column>(c: C): C => (m === undefined ? c : { ...c, m });
    if (present === 0 || this.kind === undefined) return { t: 'e' };
    switch (this.kind) {
      case 'p':
        if (this.isDictionary()) return withMask({ t: 'd', s: [...this.distinct!.keys()], v: Array.from(this.codes.view()) });
        return withMask({ t: 'p', v: this.primitives() });
      case 'x':
        return withMask({ t: 'x', v: this.raw.map((json) => JSON.parse(json) as unknown) });
      case 'a':
        return withMask({ t: 'a', l: Array.from(this.lengths.view()), i: (this.items ?? new ColumnBuilder()).finish() });
      case 'o': {
        const keys = [...this.children.keys()];
        const columns = keys.map((k) => {
          const c = this.children.get(k)!;
          c.padTo(this.objects);
          return c.finish();
        });
        return withMask({ t: 'o', k: keys, c: columns });
      }
    }
  }

  /** A dictionary pays off when strings repeat: each is then kept once. */
  private isDictionary(): boolean {
    return this.distinct !== undefined && this.distinct.size * 2 < this.codes.length;
  }

  /** The present values of a 'p' column, in row order. */
  private primitives(): Primitive[] {
    if (!this.distinct) return this.prims;
    const keys = [...this.distinct.keys()];
    const codes = this.codes.view();
    const out = new Array<Primitive>(codes.length);
    for (let i = 0; i < codes.length; i++) out[i] = keys[codes[i]];
    return out;
  }

  /** Counts a row for `v` and settles the column's kind; returns the kind to add it as (undefined: absent). */
  private enter(v: unknown): Kind | undefined {
    let kind = kindOf(v);
    if (kind === undefined) {
      this.absent.push(this.rows++);
      return undefined;
    }
    if (this.kind === undefined) this.kind = kind;
    else if (this.kind !== kind) {
      if (this.kind !== 'x') this.becomeRaw();
      kind = 'x';
    }
    this.rows++;
    return kind;
  }

  /** While every value is a string from a small set, only its code is kept (see the constructor). */
  private addPrimitive(v: Primitive): void {
    const dict = this.distinct;
    if (!dict) {
      this.prims.push(v);
      return;
    }
    let code = typeof v === 'string' ? dict.get(v) : undefined;
    if (code === undefined && typeof v === 'string' && dict.size < DICTIONARY_MAX) {
      code = dict.size;
      dict.set(v, code);
    }
    if (code !== undefined) return this.codes.push(code);
    // Not a dictionary after all: the values so far become plain ones.
    this.prims = this.primitives();
    this.prims.push(v);
    this.distinct = undefined;
    this.codes = new Uint32List(0);
  }

  private arrayItems(length: number): ColumnBuilder {
    this.lengths.push(length);
    // A long list is read once, so its length is how many rows its items get.
    return (this.items ??= new ColumnBuilder(length > LONG_ARRAY ? length : 0));
  }

  private child(key: string, row: number): ColumnBuilder {
    let c = this.children.get(key);
    if (!c) {
      c = new ColumnBuilder(this.expected);
      this.children.set(key, c);
    }
    c.padTo(row);
    return c;
  }

  /** Marks rows up to `rows` absent (objects that did not have this key). */
  private padTo(rows: number): void {
    while (this.rows < rows) this.absent.push(this.rows++);
  }

  /** A value of another kind arrived: what was built so far becomes plain JSON, and so will the rest. */
  private becomeRaw(): void {
    const rows = this.rows;
    const values = decodeColumn(this.finish(), rows);
    const absent = this.absent;
    Object.assign(this, new ColumnBuilder(this.expected));
    this.rows = rows;
    this.absent = absent;
    this.kind = 'x';
    for (const v of values) if (v !== undefined) this.raw.push(jsonOf(v));
  }

  /** Lets go of everything built (once written). */
  private release(): void {
    this.prims = [];
    this.distinct = undefined;
    this.codes = new Uint32List(0);
    this.children.clear();
    this.lengths = new Uint32List(0);
    this.items = undefined;
    this.raw = [];
  }
}

/** A list of unsigned 32-bit numbers that grows as pushed, kept in a typed array (outside the traced heap). */
class Uint32List {
  private data: Uint32Array | undefined;
  length = 0;

  /** `capacity`: rows expected, allocated at the first push. */
  constructor(private readonly capacity: number) {}

  push(n: number): void {
    let data = this.data;
    if (!data) data = this.data = new Uint32Array(Math.max(16, this.capacity));
    else if (this.length === data.length) {
      const grown = new Uint32Array(data.length * 2);
      grown.set(data);
      data = this.data = grown;
    }
    data[this.length++] = n;
  }

  view(): Uint32Array {
    return this.data ? this.data.subarray(0, this.length) : new Uint32Array(0);
  }
}

function* arrayText(values: readonly Primitive[]): Generator<string> {
  yield '[';
  for (let i = 0; i < values.length; i += TEXT_CHUNK) {
    const text = JSON.stringify(values.slice(i, i + TEXT_CHUNK)).slice(1, -1);
    // The comma on its own: joined to the text, it would make a copy of it.
    if (i) yield ',';
    yield text;
  }
  yield ']';
}

function* numbersText(values: Uint32Array): Generator<string> {
  yield '[';
  for (let i = 0; i < values.length; i += TEXT_CHUNK) {
    const text = values.subarray(i, i + TEXT_CHUNK).join(',');
    if (i) yield ',';
    yield text;
  }
  yield ']';
}

/** Values already in JSON. */
function* rawText(values: readonly string[]): Generator<string> {
  yield '[';
  for (let i = 0; i < values.length; i += TEXT_CHUNK) {
    const text = values.slice(i, i + TEXT_CHUNK).join(',');
    if (i) yield ',';
    yield text;
  }
  yield ']';
}

/** A value's JSON (null where JSON.stringify has none, as inside an array). */
function jsonOf(v: unknown): string {
  return JSON.stringify(v) ?? 'null';
}

/** What JSON makes of an array item: a left-out value is null there. */
function arrayItem(v: unknown): unknown {
  return kindOf(v) === undefined ? null : v;
}

function isContainer(v: unknown): boolean {
  const k = kindOf(v);
  return k === 'a' || k === 'o';
}

function presenceMask(rows: number, absent: Uint32List): string {
  const bits = new Uint8Array(rows).fill(49); // '1'
  for (const r of absent.view()) bits[r] = 48; // '0'
  return Buffer.from(bits).toString('latin1');
}

let sliceStart = performance.now();

/** True (and restarts the count) once a slice has run SLICE_MS. */
function pauseDue(): boolean {
  const now = performance.now();
  if (now - sliceStart < SLICE_MS) return false;
  sliceStart = now;
  return true;
}
