import { describe, expect, it } from 'vitest';
import { signInStorageNote } from '../../../renderer/src/features/connections/sign-in-storage.js';

describe('where sign-ins are kept, in words', () => {
  it('says nothing when the OS encrypts them, or before the app has said', () => {
    expect(signInStorageNote({ mode: 'electron', secretStorage: 'encrypted' })).toBeUndefined();
    expect(signInStorageNote(null)).toBeUndefined();
  });

  it('explains session-only sign-ins by the reason that applies', () => {
    const browser = signInStorageNote({ mode: 'browser', secretStorage: 'session' });
    const electron = signInStorageNote({ mode: 'electron', secretStorage: 'session' });
    for (const note of [browser, electron]) expect(note).toMatch(/^Sign-ins are kept only until Teamkeeper quits: /);
    expect(browser).toContain('in browser mode they are never written to disk');
    expect(electron).toContain('this computer offers no secure storage');
    expect(electron).not.toContain('browser mode');
  });

  it('names the flag that allowed unencrypted sign-ins', () => {
    expect(signInStorageNote({ mode: 'electron', secretStorage: 'plain_accepted' })).toBe(
      'Sign-ins are saved without OS encryption because you allowed it (--allow-plain-secrets).',
    );
  });
});
