import { describe, expect, it } from 'vitest';
import { API_ARG_SCHEMAS, API_METHODS, CSV_COLUMNS } from '../../../preload/contract.js';
import { parseCall } from '../../../main/core/rpc.js';

describe('contract schemas', () => {
  it('exist for exactly the methods of the contract', () => {
    expect(Object.keys(API_ARG_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  it('accept well-formed calls', () => {
    expect(parseCall('getAppInfo', null)).toEqual({ ok: true, method: 'getAppInfo', arg: undefined });
    expect(parseCall('getAppInfo', undefined).ok).toBe(true);
    expect(parseCall('getDirectory', { includeRemoved: true })).toEqual({ ok: true, method: 'getDirectory', arg: { includeRemoved: true } });
    expect(parseCall('getMemberDetail', { memberId: 'dbmid:abc' }).ok).toBe(true);
    expect(parseCall('exportMembersCsv', { scope: { kind: 'team' }, columns: [...CSV_COLUMNS], preset: 'admins' }).ok).toBe(true);
    expect(parseCall('exportMembersCsv', { scope: { kind: 'team', includeRemoved: false }, columns: ['email'] }).ok).toBe(true);
    expect(parseCall('exportMembersCsv', { scope: { kind: 'members', ids: ['dbmid:a', 'dbmid:b'] }, columns: ['email'] }).ok).toBe(true);
  });

  it.each([
    ['toString', null],
    ['__proto__', null],
    ['constructor', null],
    ['GETAPPINFO', null],
    ['', null],
    [42, null],
    [null, null],
    [['getAppInfo'], null],
  ])('refuse the unknown method %j', (method, arg) => {
    const r = parseCall(method, arg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown_method');
  });

  it.each<[string, unknown]>([
    ['getAppInfo', { sneaky: true }],
    ['getAppInfo', 0],
    ['getDirectory', null],
    ['getDirectory', {}],
    ['getDirectory', { includeRemoved: 'yes' }],
    ['getDirectory', { includeRemoved: true, extra: 1 }],
    ['refreshDirectory', [true]],
    ['getMemberDetail', { memberId: 5 }],
    ['getMemberDetail', { memberId: '' }],
    ['getMemberDetail', { memberId: 'x'.repeat(257) }],
    ['getMemberDetail', { memberId: 'a', path: '/etc/passwd' }],
    ['exportMembersCsv', { scope: { kind: 'team' }, columns: [] }],
    ['exportMembersCsv', { scope: { kind: 'team' }, columns: ['password'] }],
    ['exportMembersCsv', { scope: { kind: 'team', includeRemoved: 'yes' }, columns: ['email'] }],
    ['exportMembersCsv', { scope: { kind: 'everyone' }, columns: ['email'] }],
    ['exportMembersCsv', { scope: { kind: 'members' }, columns: ['email'] }],
    ['exportMembersCsv', { scope: { kind: 'members', ids: [1, 2] }, columns: ['email'] }],
    ['exportMembersCsv', { scope: { kind: 'team' }, columns: ['email'], preset: 'everything' }],
    ['exportMembersCsv', { scope: { kind: 'team' }, columns: ['email'], path: '/tmp/x.csv' }],
    ['exportMembersCsv', 'team'],
  ])('refuse %s(%j)', (method, arg) => {
    const r = parseCall(method, arg);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_argument');
      expect(r.error.message).toContain(method);
    }
  });
});
