import { useEffect, useState } from 'react';
import type { AppErrorInfo } from '../../preload/contract.js';
import { toAppErrorInfo } from './bridge/app-error.js';

/**
 * Reads once per change of `deps` and keeps the last answer (shown while the
 * next one is on its way). An answer to an older read is dropped: the
 * newest deps win.
 */
export function useRead<T>(read: () => Promise<T>, deps: readonly unknown[]): { value: T | null; error: AppErrorInfo | null } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  useEffect(() => {
    let live = true;
    read().then(
      (next) => {
        if (!live) return;
        setValue(next);
        setError(null);
      },
      (err: unknown) => live && setError(toAppErrorInfo(err)),
    );
    return () => {
      live = false;
    };
    // The caller names what the read depends on, as with useEffect.
  }, deps);
  return { value, error };
}
