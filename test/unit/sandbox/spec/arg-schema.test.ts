import { describe, expect, it } from 'vitest';
import { argSchema } from '../../../../main/sandbox/spec/arg-schema.js';
import { Spec } from '../../../../main/sandbox/spec/spec.js';

const spec = new Spec([
  {
    file: 'demo.stone',
    text: `namespace demo
alias Code = String(min_length=2, max_length=4, pattern="[A-Z]+")
struct Arg
    code Code
    limit UInt32(min_value=1, max_value=1000) = 1000
    mode Mode = fast
    note String?
    tags List(Code, max_items=2)?
union_closed Mode
    fast
    slow
    custom Code
    detailed Detail
struct Detail
    depth Int32
`,
  },
]);
const schema = argSchema<{ mode: unknown }>('demo', 'Arg', spec);

describe('argument schemas derived from the spec', () => {
  it('fills defaults and turns null or missing nullable fields into undefined', () => {
    expect(schema.parse({ code: 'AB' })).toEqual({ code: 'AB', limit: 1000, mode: { '.tag': 'fast' } });
    expect(schema.parse({ code: 'AB', note: null })).toEqual({ code: 'AB', limit: 1000, mode: { '.tag': 'fast' }, note: undefined });
  });

  it('takes a void tag as a bare string or an object, a struct tag flattened, a value tag under its name', () => {
    expect(schema.parse({ code: 'AB', mode: 'slow' }).mode).toEqual({ '.tag': 'slow' });
    expect(schema.parse({ code: 'AB', mode: { '.tag': 'slow' } }).mode).toEqual({ '.tag': 'slow' });
    expect(schema.parse({ code: 'AB', mode: { '.tag': 'detailed', depth: 2 } }).mode).toEqual({ '.tag': 'detailed', depth: 2 });
    expect(schema.parse({ code: 'AB', mode: { '.tag': 'custom', custom: 'XY' } }).mode).toEqual({ '.tag': 'custom', custom: 'XY' });
  });

  it.each([
    ['a missing required field', {}],
    ['a string too short', { code: 'A' }],
    ['a string off pattern', { code: 'ab' }],
    ['an int out of range', { code: 'AB', limit: 1001 }],
    ['a fraction', { code: 'AB', limit: 1.5 }],
    ['an unknown field', { code: 'AB', colour: 'red' }],
    ['too many list items', { code: 'AB', tags: ['AB', 'CD', 'EF'] }],
    ['an unknown union tag', { code: 'AB', mode: 'warp' }],
    ['a value tag without its value', { code: 'AB', mode: { '.tag': 'custom' } }],
    ['a bare string for a value tag', { code: 'AB', mode: 'custom' }],
    ['an extra field beside a void tag', { code: 'AB', mode: { '.tag': 'slow', x: 1 } }],
  ])('refuses %s', (_what, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });

  it('says where the argument is wrong', () => {
    const r = schema.safeParse({ code: 'AB', tags: ['AB', 'x'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['tags', 1]);
  });
});
