/**
 * Every error code that can cross the boundary. Code matches on a member of
 * this list, never on a free string: a typo, or a code nobody handles any
 * more, fails to compile.
 */
export const APP_ERROR_CODES = [
  // Arguments and transports
  'unknown_method',
  'invalid_argument',
  'forbidden',
  'unauthorized',
  'method_not_allowed',
  'unsupported_media_type',
  'too_large',
  'invalid_json',
  'invalid_request',
  'download_gone',
  'download_expired',
  'internal',
  // Renderer side of the browser bridge
  'no_token',
  'host_unreachable',
  'bad_response',
  'unexpected',
  // Connections and sign-in
  'unknown_connection',
  'sandbox_permanent',
  'sandbox_signs_in_itself',
  'needs_reauth',
  'missing_scope',
  'auth_failed',
  'state_mismatch',
  'access_denied',
  'connect_timeout',
  'unknown_attempt',
  'code_rejected',
  'unknown_app_key',
  'wrong_team',
  'oauth_port_in_use',
  'other_server',
  // Dropbox answers
  'dropbox_error',
  'rate_limited',
  'not_supported',
  'bad_request',
  'dropbox_unavailable',
  'network',
  'cancelled',
  'unconfirmed',
  // Directory and reports
  'member_not_found',
  'unknown_members',
  // Jobs
  'unknown_job',
  'unknown_action',
  'confirmation_mismatch',
  'not_resumable',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

const codes: ReadonlySet<string> = new Set(APP_ERROR_CODES);

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && codes.has(value);
}

/** Errors cross the boundary as data: a code to match on and a sentence for people. */
export interface AppErrorInfo {
  code: AppErrorCode;
  message: string;
  /** Dropbox error tag, when the error came from Dropbox. */
  dropboxTag?: string;
}
