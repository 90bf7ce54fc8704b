import { describe, expect, it } from 'vitest';
import { takeSessionToken } from '../../../renderer/src/bridge/session-token.js';

function fakeWindow(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [['teamkeeper.token', stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    sources: {
      location: { hash, pathname: '/', search: '' },
      history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)) },
      storage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    },
  };
}

describe('takeSessionToken', () => {
  it('takes the token from the fragment and removes it from the address bar', () => {
    const w = fakeWindow('#token=abc_DEF-123');
    expect(takeSessionToken(w.sources)).toBe('abc_DEF-123');
    expect(w.replaced).toEqual(['/']);
    expect(w.storage.get('teamkeeper.token')).toBe('abc_DEF-123');
  });

  it('falls back to the token kept for this tab on reload', () => {
    const w = fakeWindow('', 'kept');
    expect(takeSessionToken(w.sources)).toBe('kept');
    expect(w.replaced).toEqual([]);
  });

  it('a new token in the URL replaces the kept one', () => {
    const w = fakeWindow('#token=new', 'old');
    expect(takeSessionToken(w.sources)).toBe('new');
    expect(w.storage.get('teamkeeper.token')).toBe('new');
  });

  it('has nothing without a token anywhere', () => {
    expect(takeSessionToken(fakeWindow('#other=1').sources)).toBeNull();
  });
});
