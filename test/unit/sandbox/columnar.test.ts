import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../main/sandbox/model/columnar-encode.js';
import { ColumnarError, decodeColumn } from '../../../main/sandbox/model/columnar-decode.js';
import type { Column } from '../../../main/sandbox/model/columnar.js';

/** Encodes values as rows of one column, through its JSON text, and decodes them again. */
function roundTrip(values: unknown[], sliced = false): unknown[] {
  const b = new ColumnBuilder();
  for (const v of values) {
    if (sliced) for (const _ of b.addInSlices(v));
    else b.add(v);
  }
  const text = [...b.text()].join('');
  return decodeColumn(JSON.parse(text) as Column, values.length);
}

/** What JSON itself makes of each row (undefined where JSON has no value). */
const viaJson = (values: unknown[]) => values.map((v) => (JSON.stringify(v) === undefined ? undefined : JSON.parse(JSON.stringify(v))));

describe('columnar encoding of the saved team', () => {
  it('gives back what JSON would, for records with optional keys, nesting, empty arrays and non-ASCII text', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      id: `dbmid:${i}`,
      name: i % 3 ? 'Łucja' : 'O’Brien',
      ...(i % 4 === 0 ? { externalId: `E${i}` } : {}),
      optional: i % 5 === 0 ? undefined : i,
      n: i * 1.5,
      big: 10_973_000_000 + i,
      ok: i % 2 === 0,
      none: null,
      roles: i % 7 ? [] : ['admin', 'x'],
      files: { files: i, received: i % 9 ? [] : [{ name: 'f', fromMemberId: `m${i}` }, { name: 'g' }] },
      devices: Array.from({ length: i % 3 }, (_, d) => ({ kind: d ? 'web' : 'desktop', updated: 1_700_000_000_000 + d, ...(d ? {} : { clientVersion: '1.2' }) })),
    }));
    const back = roundTrip(rows);
    expect(back).toEqual(viaJson(rows));
    // Left-out keys stay left out, as JSON.parse leaves them (not present with undefined).
    expect(Object.keys(back[1] as object)).not.toContain('externalId');
    expect(Object.keys(back[0] as object)).not.toContain('optional');
  });

  it('keeps a field whose kind changes between rows (string, object, array, number) exact', () => {
    const rows = [{ v: 'a' }, { v: 1 }, { v: { deep: [1, { x: 'y' }] } }, {}, { v: [1, 'two', null] }, { v: null }, { v: 'a' }];
    expect(roundTrip(rows)).toEqual(viaJson(rows));
    expect(roundTrip(rows, true)).toEqual(viaJson(rows));
  });

  it('turns left-out array items into null and drops functions, as JSON does', () => {
    const rows = [{ a: [1, undefined, () => 1, 3], f: () => 2, s: Symbol('x') }];
    expect(roundTrip(rows)).toEqual([{ a: [1, null, null, 3] }]);
  });

  it('keeps "__proto__" as an own key, never as the prototype', () => {
    const row = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const [back] = roundTrip([row, row]) as object[];
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('handles many optional keys (more than fit a bit set) and rows with no value at all', () => {
    const rows = Array.from({ length: 50 }, (_, i) => Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`k${k}`, (i + k) % 3 ? k : undefined])));
    const values = [...rows, undefined, 5];
    expect(roundTrip(values)).toEqual(viaJson(values));
    // Few optional keys, but in more combinations than the compiled loop takes.
    const mixed = Array.from({ length: 600 }, (_, i) => Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`k${k}`, (i >> k) & 1 ? k : undefined])));
    expect(roundTrip(mixed)).toEqual(viaJson(mixed));
  });

  it('stores repeating strings once, in a dictionary', () => {
    const b = new ColumnBuilder();
    for (let i = 0; i < 1000; i++) b.add(['active', 'invited', 'suspended'][i % 3]);
    const col = b.finish();
    expect(col).toMatchObject({ t: 'd', s: ['active', 'invited', 'suspended'] });
    expect(decodeColumn(JSON.parse(JSON.stringify(col)) as Column, 1000)[4]).toBe('invited');
  });

  it('adds a long list in slices to the same result, each list read whole as it was when reached', () => {
    const team = { members: Array.from({ length: 5000 }, (_, i) => ({ id: i, tags: [`t${i % 5}`] })), groups: [{ id: 'g', members: Array.from({ length: 3000 }, (_, i) => ({ m: i })) }] };
    const b = new ColumnBuilder();
    // A write at every pause takes the group's first membership out (as a splice would).
    for (const _ of b.addInSlices(team)) team.groups[0].members.splice(0, 1);
    const [back] = decodeColumn(JSON.parse([...b.text()].join('')) as Column, 1) as Array<typeof team>;
    expect(back.members).toEqual(team.members);
    // Whatever moment it was copied at, the saved list is the live one of that moment: no gaps.
    const saved = back.groups[0].members.map((gm) => gm.m);
    const from = saved[0];
    expect(saved).toEqual(Array.from({ length: 3000 - from }, (_, i) => from + i));
    expect(new ColumnBuilder().finish()).toEqual({ t: 'e' });
  });

  it('refuses a damaged column with a ColumnarError', () => {
    const damaged: unknown[] = [
      { t: 'p', v: [1, 2] },
      { t: 'd', s: ['a'], v: [0, 3, 0] },
      { t: 'p', v: [1, 2, 3], m: '11' },
      { t: 'a', l: [1, -1, 0], i: { t: 'p', v: [] } },
      { t: 'o', k: ['a', 'b'], c: [{ t: 'p', v: [1, 2, 3] }] },
      { t: 'q' },
      null,
    ];
    for (const col of damaged) expect(() => decodeColumn(col as Column, 3), JSON.stringify(col)).toThrow(ColumnarError);
  });
});
