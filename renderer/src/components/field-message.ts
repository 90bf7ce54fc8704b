import type { AppErrorInfo } from '../../../preload/contract.js';

/**
 * Main prefixes argument errors with the method and field
 * ("Invalid argument for startConnect: appKey: Enter your app key") and joins
 * every failed rule with "; " (an empty key also fails the letters rule).
 * Next to the field only the first sentence is useful.
 */
export function fieldMessage(error: AppErrorInfo): string {
  if (error.code !== 'invalid_argument') return error.message;
  const first = error.message.replace(/^Invalid argument for \w+: /, '').split(/; /)[0];
  return first.replace(/^[\w.]+: /, '');
}
