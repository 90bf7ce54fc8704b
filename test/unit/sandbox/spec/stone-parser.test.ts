import { describe, expect, it } from 'vitest';
import { parseStone } from '../../../../main/sandbox/spec/parser.js';
import { StoneSyntaxError } from '../../../../main/sandbox/spec/lines.js';

const SOURCE = `namespace demo
    "A namespace doc
    that spans lines, with "quotes\\" inside and a # that is no comment."

import common
import team_common

# A comment line.
alias Id = String(min_length=3, max_length=8, pattern="[a-z]+\\\\d*")
alias When = Timestamp("%Y-%m-%dT%H:%M:%SZ")
alias MaybeId = Id?

struct Base
    "Doc."
    id Id
        "Field doc."
        @common.Deprecated
    tags List(String, min_items=1, max_items=3)?

struct Child extends Base
    count UInt32(min_value=1, max_value=1000) = 1000
    flag Boolean = false
    role Role = member_only
    note String = ""
    example default
        id = "abc"
        count = 5

union_closed Role
    admin
    member_only
        "Void tag."
    custom common.DisplayName
    other_id String = ""

union Wider extends Role
    detail Base

route things/list (Child, Base, Role)
    "Route doc."
    attrs
        auth = "team"
        scope = "things.read"

route things/list:2 (Void, List(Base), Void) deprecated
    attrs
        auth = "team"
        allow_app_folder_app = true
`;

describe('Stone parser', () => {
  const ns = parseStone(SOURCE, 'demo.stone');

  it('reads the namespace and its imports, skipping docs and comments', () => {
    expect(ns.name).toBe('demo');
    expect(ns.imports).toEqual(['common', 'team_common']);
    expect([...ns.types.keys()]).toEqual(['Id', 'When', 'MaybeId', 'Base', 'Child', 'Role', 'Wider']);
  });

  it('reads aliases with constraints, unescaping the pattern once', () => {
    expect(ns.types.get('Id')).toMatchObject({ kind: 'alias', type: { name: 'String', kwargs: { min_length: 3, max_length: 8, pattern: '[a-z]+\\d*' } } });
    expect(ns.types.get('When')).toMatchObject({ type: { name: 'Timestamp', args: ['%Y-%m-%dT%H:%M:%SZ'] } });
    expect(ns.types.get('MaybeId')).toMatchObject({ type: { name: 'Id', nullable: true } });
  });

  it('reads struct fields with nullable types, defaults and extends; drops annotations and examples', () => {
    const base = ns.types.get('Base');
    expect(base).toMatchObject({ kind: 'struct', fields: [{ name: 'id', type: { name: 'Id' } }, { name: 'tags', type: { name: 'List', kwargs: { min_items: 1, max_items: 3 }, nullable: true } }] });
    expect((base as { fields: unknown[] }).fields[1]).toMatchObject({ type: { args: [{ name: 'String' }] } });
    const child = ns.types.get('Child');
    expect(child).toMatchObject({ kind: 'struct', extends: { name: 'Base' } });
    expect((child as { fields: unknown[] }).fields).toEqual([
      expect.objectContaining({ name: 'count', default: 1000 }),
      expect.objectContaining({ name: 'flag', default: false }),
      expect.objectContaining({ name: 'role', default: { tag: 'member_only' } }),
      expect.objectContaining({ name: 'note', default: '' }),
    ]);
  });

  it('reads closed and open unions, void and typed tags, and extends', () => {
    expect(ns.types.get('Role')).toEqual({
      kind: 'union',
      name: 'Role',
      closed: true,
      extends: undefined,
      tags: [{ name: 'admin' }, { name: 'member_only' }, { name: 'custom', type: expect.objectContaining({ name: 'common.DisplayName' }) }, { name: 'other_id', type: expect.objectContaining({ name: 'String' }) }],
    });
    expect(ns.types.get('Wider')).toMatchObject({ closed: false, extends: { name: 'Role' }, tags: [{ name: 'detail', type: { name: 'Base' } }] });
  });

  it('reads routes with versions, attributes and deprecation', () => {
    expect(ns.routes).toEqual([
      expect.objectContaining({ name: 'things/list', version: 1, deprecated: false, attrs: { auth: 'team', scope: 'things.read' }, arg: expect.objectContaining({ name: 'Child' }) }),
      expect.objectContaining({ name: 'things/list', version: 2, deprecated: true, attrs: { auth: 'team', allow_app_folder_app: true }, result: expect.objectContaining({ name: 'List' }) }),
    ]);
  });

  it.each([
    ['an unknown top-level word', 'namespace x\nthing Y\n', 'x.stone:2: unexpected "thing"'],
    ['a field without a type', 'namespace x\nstruct S\n    a\n', 'x.stone:3: expected a name, got end of line'],
    ['an unterminated doc string', 'namespace x\nstruct S\n    "never ends\n', 'x.stone:3: unterminated string'],
    ['a duplicate type', 'namespace x\nalias A = String\nalias A = String\n', 'x.stone:3: duplicate type A'],
    ['a missing namespace', 'alias A = String\n', 'x.stone: no namespace declaration'],
    ['a broken argument list', 'namespace x\nalias A = String(min_length=1 max_length=2)\n', 'x.stone:2: expected "," or ")"'],
  ])('refuses %s with the line', (_what, source, message) => {
    expect(() => parseStone(source, 'x.stone')).toThrow(new StoneSyntaxError(message));
  });
});
