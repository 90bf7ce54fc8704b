import { describe, expect, it } from 'vitest';
import type { Api } from '../../../preload/contract.js';
import { answerIpcCall, isTrustedSender, type FrameLike } from '../../../main/electron/ipc-guard.js';

const top: FrameLike = { url: 'app://teamkeeper/index.html', parent: null };

describe('isTrustedSender', () => {
  it('trusts the top frame of our window on our page', () => {
    expect(isTrustedSender(top, 7, 7)).toBe(true);
  });

  it.each<[string, FrameLike | null, number, number | undefined]>([
    ['another window', top, 8, 7],
    ['no window', top, 7, undefined],
    ['a destroyed frame', null, 7, 7],
    ['an iframe', { url: 'app://teamkeeper/index.html', parent: top }, 7, 7],
    ['a page that navigated away', { url: 'https://evil.example/', parent: null }, 7, 7],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }, 7, 7],
  ])('refuses %s', (_name, frame, sender, win) => {
    expect(isTrustedSender(frame, sender, win)).toBe(false);
  });
});

describe('answerIpcCall', () => {
  const calls: unknown[] = [];
  const api = {
    getMemberDetail: async (arg: unknown) => {
      calls.push(arg);
      return { ok: 'detail' };
    },
  } as unknown as Api;

  it('runs a valid call from a trusted sender', async () => {
    await expect(answerIpcCall(api, 'getMemberDetail', { memberId: 'dbmid:1' }, true)).resolves.toEqual({ ok: true, result: { ok: 'detail' } });
  });

  it('answers an untrusted sender with forbidden and runs nothing', async () => {
    calls.length = 0;
    const r = await answerIpcCall(api, 'getMemberDetail', { memberId: 'dbmid:1' }, false);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('validates arguments with the contract schemas before running', async () => {
    calls.length = 0;
    const r = await answerIpcCall(api, 'getMemberDetail', { memberId: 1 }, true);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(calls).toEqual([]);
  });
});
