import type { AppErrorInfo } from '../../../preload/contract.js';

/**
 * Main prefixes argument errors with the method and field
 * ("Invalid argument for startConnect: appKey: Enter your app key"); next to
 * the field itself only the sentence is useful.
 */
export function fieldMessage(error: AppErrorInfo): string {
  if (error.code !== 'invalid_argument') return error.message;
  return error.message.replace(/^Invalid argument for \w+: (?:[\w.]+: )?/, '');
}
