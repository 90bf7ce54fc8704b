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
  private absent: number[] = [];
  private kind: Kind | undefined;
  // 'p'
  private prims: Primitive[] = [];
  /** Distinct strings of a 'p' column so far; undefined once it holds a non-string or too many. */
  private distinct: Map<string, number> | undefined = new Map();
  /** Each row's index into `distinct`, kept while it lasts (so finishing costs no pass over the rows). */
  private codes: number[] = [];
  // 'o'
  private children = new Map<string, ColumnBuilder>();
  private objects = 0;
  // 'a'
  private lengths: number[] = [];
  private items: ColumnBuilder | undefined;
  // 'x'
  private raw: string[] = [];

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
        for (const key of Object.keys(obj)) {
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
   * Nested columns are finished one at a time as their turn comes, so a
   * writer that yields between pieces never waits on the whole table.
   */
  *text(): Generator<string> {
    if (this.rows === this.absent.length || (this.kind !== 'o' && this.kind !== 'a')) return yield* columnText(this.finish());
    yield `{"t":"${this.kind}"`;
    if (this.absent.length) yield `,"m":"${presenceMask(this.rows, this.absent)}"`;
    if (this.kind === 'a') {
      yield ',"l":';
      yield* arrayText(this.lengths);
      yield ',"i":';
      yield* (this.items ?? new ColumnBuilder()).text();
    } else {
      yield `,"k":${JSON.stringify([...this.children.keys()])},"c":[`;
      let first = true;
      for (const c of this.children.values()) {
        if (!first) yield ',';
        first = false;
        c.padTo(this.objects);
        yield* c.text();
      }
      yield ']';
    }
    yield '}';
  }

  /** The column as built so far. */
  finish(): Column {
    const present = this.rows - this.absent.length;
    const m = this.absent.length ? presenceMask(this.rows, this.absent) : undefined;
    const withMask = <C extends Column>(c: C): C => (m === undefined ? c : { ...c, m });
    if (present === 0 || this.kind === undefined) return { t: 'e' };
    switch (this.kind) {
      case 'p': {
        const dict = this.distinct;
        // A dictionary pays off when strings repeat: each is then kept once.
        if (dict && dict.size * 2 < this.prims.length) {
          return withMask({ t: 'd', s: [...dict.keys()], v: this.codes });
        }
        return withMask({ t: 'p', v: this.prims });
      }
      case 'x':
        return withMask({ t: 'x', v: this.raw.map((json) => new RawJson(json)) });
      case 'a':
        return withMask({ t: 'a', l: this.lengths, i: (this.items ?? new ColumnBuilder()).finish() });
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

  private addPrimitive(v: Primitive): void {
    this.prims.push(v);
    const dict = this.distinct;
    if (!dict) return;
    let code = typeof v === 'string' ? dict.get(v) : undefined;
    if (code === undefined && typeof v === 'string' && dict.size < DICTIONARY_MAX) {
      code = dict.size;
      dict.set(v, code);
    }
    if (code === undefined) {
      this.distinct = undefined;
      this.codes = [];
    } else this.codes.push(code);
  }

  private arrayItems(length: number): ColumnBuilder {
    this.lengths.push(length);
    return (this.items ??= new ColumnBuilder());
  }

  private child(key: string, row: number): ColumnBuilder {
    let c = this.children.get(key);
    if (!c) {
      c = new ColumnBuilder();
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
    Object.assign(this, new ColumnBuilder());
    this.rows = rows;
    this.absent = absent;
    this.kind = 'x';
    for (const v of values) if (v !== undefined) this.raw.push(jsonOf(v));
  }
}

/** JSON already made, written out as is. */
class RawJson {
  constructor(readonly json: string) {}
}

/** A finished column as JSON text, in pieces (see ColumnBuilder.text). */
function* columnText(col: Column): Generator<string> {
  yield `{"t":"${col.t}"`;
  if ('m' in col && col.m !== undefined) yield `,"m":"${col.m}"`;
  switch (col.t) {
    case 'e':
      break;
    case 'p':
    case 'x':
      yield ',"v":';
      yield* arrayText(col.v);
      break;
    case 'd':
      yield `,"s":${JSON.stringify(col.s)},"v":`;
      yield* arrayText(col.v);
      break;
    case 'a':
      yield ',"l":';
      yield* arrayText(col.l);
      yield ',"i":';
      yield* columnText(col.i);
      break;
    case 'o':
      yield `,"k":${JSON.stringify(col.k)},"c":[`;
      for (let i = 0; i < col.c.length; i++) {
        if (i) yield ',';
        yield* columnText(col.c[i]);
      }
      yield ']';
      break;
  }
  yield '}';
}

function* arrayText(values: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < values.length; i += TEXT_CHUNK) {
    const chunk = values.slice(i, i + TEXT_CHUNK);
    const text = chunk[0] instanceof RawJson ? chunk.map((r) => (r as RawJson).json).join(',') : JSON.stringify(chunk).slice(1, -1);
    yield i ? `,${text}` : text;
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

function presenceMask(rows: number, absent: number[]): string {
  const bits = new Uint8Array(rows).fill(49); // '1'
  for (const r of absent) bits[r] = 48; // '0'
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
