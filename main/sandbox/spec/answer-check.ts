import type { Spec } from './spec.js';
import { Validators, type ValidatorOptions, type Violation } from './validator.js';

/** The envelope Dropbox wraps every error body in (401, 403, 409, 429). */
const ENVELOPE_KEYS = new Set(['error_summary', 'error', 'user_message']);

/** Where each error status's union lives in the spec (auth.stone). */
const STATUS_ERROR_TYPE: Record<number, string> = {
  401: 'AuthError',
  403: 'AccessError',
  429: 'RateLimitError',
};

/**
 * Checks one RPC answer against its route in the spec: 200 bodies against
 * the result type, 409 `error` against the route's error type, 401/403/429
 * against auth.stone's AuthError, AccessError and RateLimitError. Answers
 * of routes the spec does not declare, and text answers (400, 5xx), are not
 * the spec's business and come back clean.
 */
export class AnswerChecker {
  private readonly validators: Validators;

  constructor(
    private readonly spec: Spec,
    options: ValidatorOptions = {},
  ) {
    this.validators = new Validators(spec, options);
  }

  check(path: string, status: number, body: unknown): Violation[] {
    const found = this.spec.routeForPath(path);
    if (!found) return [];
    const { ns, route } = found;
    if (status === 200) {
      const out: Violation[] = [];
      this.validators.ref(route.result, ns)(body, '$', out);
      return out;
    }
    if (status === 409) return this.envelope(body, (error, out) => this.validators.ref(route.error, ns)(error, '$.error', out));
    const authType = STATUS_ERROR_TYPE[status];
    if (authType) return this.envelope(body, (error, out) => out.push(...this.validators.validate('auth', authType, error, '$.error')));
    return [];
  }

  private envelope(body: unknown, checkError: (error: unknown, out: Violation[]) => void): Violation[] {
    const out: Violation[] = [];
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ path: '$', rule: 'want {error_summary, error}' }];
    const o = body as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!ENVELOPE_KEYS.has(k)) out.push({ path: `$.${k}`, rule: 'unknown field of an error answer' });
    checkError(o.error, out);
    const lead = leadingTag(o.error);
    if (typeof o.error_summary !== 'string') out.push({ path: '$.error_summary', rule: 'want a String' });
    else if (lead !== undefined && !o.error_summary.startsWith(`${lead}/`)) out.push({ path: '$.error_summary', rule: `"${o.error_summary}" does not start with "${lead}/"` });
    if (o.user_message !== undefined) {
      const m = o.user_message as Record<string, unknown> | null;
      if (typeof m?.text !== 'string' || typeof m?.locale !== 'string') out.push({ path: '$.user_message', rule: 'want {text, locale}' });
    }
    return out;
  }
}

/** The tag error_summary starts with: the union's tag, or for RateLimitError its reason's. */
function leadingTag(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e['.tag'] === 'string') return e['.tag'];
  const reason = e.reason as Record<string, unknown> | undefined;
  return typeof reason?.['.tag'] === 'string' ? reason['.tag'] : undefined;
}
