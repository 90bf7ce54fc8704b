import { describe, expect, it } from 'vitest';
import type { Api } from '../../../preload/contract.js';
import { answerIpcCall, isTrustedSender, senderOrigin, type FrameLike } from '../../../main/electron/ipc-guard.js';

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
    const r = await answerIpcCall(api, 'getMemberDetail', { memberId: 'dbmid:1' }, false, 'a test', () => undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('logs every refusal, naming the method and where it came from', async () => {
    const lines: string[] = [];
    await answerIpcCall(api, 'getMemberDetail', { memberId: 'dbmid:1' }, false, senderOrigin({ url: 'https://evil.example/x?q=1', parent: null }), (l) => lines.push(l));
    await answerIpcCall(api, 'getAppInfo', null, false, senderOrigin({ url: 'app://teamkeeper/index.html', parent: top }), (l) => lines.push(l));
    await answerIpcCall(api, 'getMemberDetail', { memberId: 'dbmid:1' }, true, senderOrigin(top), (l) => lines.push(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('getMemberDetail');
    expect(lines[0]).toContain('https://evil.example');
    expect(lines[0]).not.toContain('q=1');
    expect(lines[1]).toContain('getAppInfo');
    expect(lines[1]).toContain('an iframe of');
  });

  it('validates arguments with the contract schemas before running', async () => {
    calls.length = 0;
    const r = await answerIpcCall(api, 'getMemberDetail', { memberId: 1 }, true);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(calls).toEqual([]);
  });
});
