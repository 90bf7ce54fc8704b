import type { z } from 'zod';
import { API_ARG_SCHEMAS, isApiMethod, type AppErrorInfo, type Api, type ApiMethod } from '../../preload/contract.js';
import type { RpcEnvelope } from '../../preload/contract/transport.js';
import { toAppErrorInfo } from './dropbox/errors.js';

export type { RpcEnvelope };

export type ParsedCall = { ok: true; method: ApiMethod; arg: unknown } | { ok: false; error: AppErrorInfo };

function describe(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'argument'}: ${i.message}`)
    .join('; ');
}

/** Checks the method name and its argument against the contract's schemas; nothing runs before this. */
export function parseCall(method: unknown, arg: unknown): ParsedCall {
  // Only a string is ever turned into text: a hostile object's toString, or an array nested
  // thousands deep, must not run or recurse here.
  if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method', message: 'The call needs a method name, as a string.' } };
  if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `There is no method called ${JSON.stringify(method.slice(0, 60))}.` } };
  const parsed = API_ARG_SCHEMAS[method].safeParse(arg);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_argument', message: `Invalid argument for ${method}: ${describe(parsed.error.issues)}` } };
  return { ok: true, method, arg: parsed.data };
}

/** Runs a validated call; every failure becomes an AppErrorInfo. */
export async function runCall(api: Api, method: ApiMethod, arg: unknown): Promise<RpcEnvelope> {
  try {
    const fn = api[method] as (this: Api, a: unknown) => Promise<unknown>;
    return { ok: true, result: await fn.call(api, arg) };
  } catch (err) {
    return { ok: false, error: toAppErrorInfo(err) };
  }
}
