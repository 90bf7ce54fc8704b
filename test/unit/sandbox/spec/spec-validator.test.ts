import { describe, expect, it } from 'vitest';
import { Spec } from '../../../../main/sandbox/spec/spec.js';
import { Validators, formatViolation } from '../../../../main/sandbox/spec/validator.js';
import { dropboxSpec } from '../../../../main/sandbox/spec/dropbox-spec.js';

const SHARED = `namespace shared

alias Email = String(max_length=20, pattern="[a-z]+@[a-z]+\\\\.[a-z]{2,}")

struct Point
    x Int32
    y Int32
`;

const DEMO = `namespace demo

import shared

alias Code = String(min_length=2, max_length=4, pattern="[A-Z]+")
alias Stamp = Timestamp("%Y-%m-%dT%H:%M:%SZ")
alias Day = Timestamp("%Y-%m-%d")

struct Base
    id Code
    note String?

struct Item extends Base
    count UInt32(min_value=1, max_value=1000) = 10
    ratio Float64?
    big Int64(min_value=-5)?
    small Int32(max_value=3)?
    when Stamp?
    day Day?
    flags List(Boolean, min_items=1, max_items=2)?
    email shared.Email?
    where shared.Point?
    state State = idle
    blob Bytes?

union_closed State
    idle
    busy Item
    count UInt64
    place shared.Point?
    label Code

union Error extends State
    broken
    nested State

struct Animal
    union
        dog Dog
        cat Cat
    name String

struct Dog extends Animal
    barks Boolean

struct Cat extends Animal
    lives UInt32
`;

const spec = new Spec([
  { file: 'shared.stone', text: SHARED },
  { file: 'demo.stone', text: DEMO },
]);
const v = new Validators(spec);
const check = (type: string, value: unknown) => v.validate('demo', type, value).map(formatViolation);
const ok = { id: 'AB' };

describe('spec validator (wire JSON of structs, unions and primitives)', () => {
  it.each([
    ['a minimal struct, defaults and nullable fields left out', 'Item', ok],
    ['nullable fields as null', 'Item', { ...ok, note: null, ratio: null, flags: null }],
    ['every field in range', 'Item', { ...ok, note: 'n', count: 1000, ratio: 0.5, big: -5, small: 3, when: '2024-02-29T23:59:59Z', day: '2024-01-31', flags: [true], email: 'a@b.io', where: { x: 1, y: -1 }, state: { '.tag': 'busy', id: 'XY' }, blob: 'aGk=' }],
    ['a void tag', 'State', { '.tag': 'idle' }],
    ['a struct tag flattened beside .tag', 'State', { '.tag': 'busy', id: 'XYZ', count: 3 }],
    ['a primitive tag under its name', 'State', { '.tag': 'count', count: 0 }],
    ['an alias tag under its name', 'State', { '.tag': 'label', label: 'OK' }],
    ['a nullable struct tag left empty', 'State', { '.tag': 'place' }],
    ['a parent tag in an extending union', 'Error', { '.tag': 'idle' }],
    ['an own tag in an extending union', 'Error', { '.tag': 'nested', nested: { '.tag': 'idle' } }],
    ['a struct subtype by its tag', 'Animal', { '.tag': 'dog', name: 'Rex', barks: true }],
    ['a subtype referenced directly, untagged', 'Cat', { name: 'Tom', lives: 9 }],
  ])('accepts %s', (_what, type, value) => {
    expect(check(type, value)).toEqual([]);
  });

  it.each([
    ['a string too short', 'Item', { id: 'A' }, '$.id: length 1, want 2..4'],
    ['a string too long', 'Item', { id: 'ABCDE' }, '$.id: length 5, want 2..4'],
    ['a string off pattern', 'Item', { id: 'ab' }, '$.id: "ab" does not match pattern [A-Z]+'],
    ['a pattern matched only in part', 'Item', { id: 'ABc' }, '$.id: "ABc" does not match pattern [A-Z]+'],
    ['a pattern across namespaces', 'Item', { ...ok, email: 'nobody' }, '$.email: "nobody" does not match pattern [a-z]+@[a-z]+\\.[a-z]{2,}'],
    ['a wrong primitive', 'Item', { id: 7 }, '$.id: 7, want String'],
    ['an int below its minimum', 'Item', { ...ok, count: 0 }, '$.count: 0, want UInt32 in 1..1000'],
    ['an int above its maximum', 'Item', { ...ok, small: 4 }, '$.small: 4, want Int32 in -2147483648..3'],
    ['a fraction for an int', 'Item', { ...ok, count: 1.5 }, '$.count: 1.5, want UInt32'],
    ['a negative UInt64', 'State', { '.tag': 'count', count: -1 }, '$.count: -1, want UInt64 in 0..9007199254740991'],
    ['a float as a string', 'Item', { ...ok, ratio: '1' }, '$.ratio: "1", want Float64'],
    ['too few list items', 'Item', { ...ok, flags: [] }, '$.flags: 0 items, want 1..2'],
    ['too many list items', 'Item', { ...ok, flags: [true, false, true] }, '$.flags: 3 items, want 1..2'],
    ['a wrong list item', 'Item', { ...ok, flags: [true, 'no'] }, '$.flags[1]: "no", want Boolean'],
    ['a timestamp with milliseconds', 'Item', { ...ok, when: '2024-01-01T00:00:00.000Z' }, '$.when: "2024-01-01T00:00:00.000Z", want Timestamp "%Y-%m-%dT%H:%M:%SZ"'],
    ['a timestamp with month 13', 'Item', { ...ok, when: '2024-13-01T00:00:00Z' }, '$.when: "2024-13-01T00:00:00Z", want Timestamp "%Y-%m-%dT%H:%M:%SZ"'],
    ['a date with a time', 'Item', { ...ok, day: '2024-01-01T00:00:00Z' }, '$.day: "2024-01-01T00:00:00Z", want Timestamp "%Y-%m-%d"'],
    ['a required field missing', 'Item', { count: 3 }, '$.id: missing, required by demo.Item (Code)'],
    ['a required field null', 'Item', { id: null }, '$.id: null, want Code'],
    ['an unknown field', 'Item', { ...ok, colour: 'red' }, '$.colour: unknown field of demo.Item'],
    ['a wrong field in a nested struct of another namespace', 'Item', { ...ok, where: { x: 1 } }, '$.where.y: missing, required by shared.Point (Int32)'],
    ['a struct where a union goes', 'Item', { ...ok, state: 'idle' }, '$.state: "idle", want union demo.State as {".tag": …}'],
    ['an unknown tag', 'State', { '.tag': 'other' }, '$..tag: "other", want one of idle|busy|count|place|label (demo.State)'],
    ['an unknown tag in an open union too', 'Error', { '.tag': 'unheard_of' }, '$..tag: "unheard_of", want one of idle|busy|count|place|label|broken|nested (demo.Error)'],
    ['a missing tag', 'State', { idle: null }, '$..tag: missing, want one of idle|busy|count|place|label (demo.State)'],
    ['a value beside a void tag', 'State', { '.tag': 'idle', idle: 1 }, '$.idle: unknown field beside void tag idle of demo.State'],
    ['a broken struct tag', 'State', { '.tag': 'busy', id: 'x' }, '$.id: length 1, want 2..4'],
    ['an unknown field beside a struct tag', 'State', { '.tag': 'busy', id: 'XY', extra: 1 }, '$.extra: unknown field of demo.Item'],
    ['a primitive tag without its value', 'State', { '.tag': 'count' }, '$.count: missing, want UInt64 for tag count of demo.State'],
    ['a primitive tag with a wrong value', 'State', { '.tag': 'label', label: 'x' }, '$.label: "x" does not match pattern [A-Z]+'],
    ['a subtype struct without its tag', 'Animal', { name: 'Rex', barks: true }, '$..tag: missing, want one of dog|cat (subtypes of demo.Animal)'],
    ['a subtype missing its own field', 'Animal', { '.tag': 'cat', name: 'Tom' }, '$.lives: missing, required by demo.Cat (UInt32)'],
    ['bytes that are not base64', 'Item', { ...ok, blob: 'not base64!' }, '$.blob: "not base64!", want base64 Bytes'],
  ])('refuses %s', (_what, type, value, message) => {
    expect(check(type, value)).toContain(message);
  });

  it('samples long lists when told to, always including both ends', () => {
    const sampled = new Validators(spec, { listSample: 3 });
    const points = Array.from({ length: 101 }, (_, i) => ({ x: i, y: i === 50 || i === 51 ? 'bad' : 0 }));
    const found = sampled.validate('shared', 'Point', points[0]);
    expect(found).toEqual([]);
    const list = new Spec([{ file: 'l.stone', text: 'namespace l\nimport shared\nstruct L\n    items List(shared.Point)\n' }, { file: 'shared.stone', text: SHARED }]);
    const paths = new Validators(list, { listSample: 3 }).validate('l', 'L', { items: points }).map((x) => x.path);
    // Items 0, 50 and 100 are looked at: 50 is broken, 51 is not looked at.
    expect(paths).toEqual(['$.items[50].y']);
    expect(new Validators(list).validate('l', 'L', { items: points }).map((x) => x.path)).toEqual(['$.items[50].y', '$.items[51].y']);
  });
});

describe('the spec Dropbox publishes', () => {
  const real = new Validators(dropboxSpec());

  it('wants account ids of exactly 40 characters', () => {
    expect(real.validate('users_common', 'AccountId', 'dbid:tk70000000fb86738').map(formatViolation)).toEqual(['$: length 22, want 40..40']);
    expect(real.validate('users_common', 'AccountId', `dbid:${'A'.repeat(35)}`)).toEqual([]);
  });

  it('checks a member profile deep inside a list answer, with the path to it', () => {
    const profile = {
      team_member_id: 'dbmid:1',
      account_id: 'dbid:short',
      email: 'a@example.com',
      email_verified: true,
      status: { '.tag': 'active' },
      name: { given_name: 'A', surname: 'B', familiar_name: 'A', display_name: 'A B', abbreviated_name: 'AB' },
      membership_type: { '.tag': 'full' },
      groups: [],
      member_folder_id: '1',
      root_folder_id: '2',
    };
    const answer = { members: [{ profile: { ...profile, account_id: `dbid:${'A'.repeat(35)}` }, roles: [] }, { profile, roles: [] }], cursor: 'c', has_more: false };
    expect(real.validate('team', 'MembersListV2Result', answer).map(formatViolation)).toEqual(['$.members[1].profile.account_id: length 10, want 40..40']);
  });
});
