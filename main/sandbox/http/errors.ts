/**
 * Errors a route handler throws; the server turns each into the exact
 * Dropbox wire answer (see shared/dropbox-team-api.md, "Wire protocol").
 */

/** 409 route error: `{error_summary, error: {".tag": tag, ...}}`. */
export class RouteError extends Error {
  constructor(
    readonly tag: string,
    /** Extra fields beside `.tag` (for tags carrying a value, e.g. `{ [tag]: value }`). */
    readonly fields: Record<string, unknown> = {},
    readonly userMessage?: string,
  ) {
    super(tag);
  }

  /** The union value as it appears under `error`. */
  get body(): Record<string, unknown> {
    return { '.tag': this.tag, ...this.fields };
  }
}

/** 400 plain-text answer for a malformed request. */
export class BadRequest extends Error {}

/** 401 auth error with a tag from the spec's AuthError union. */
export class AuthFailure extends Error {
  constructor(
    readonly tag: string,
    readonly fields: Record<string, unknown> = {},
  ) {
    super(tag);
  }
}

/** 403 access error (AccessError union). */
export class AccessFailure extends Error {
  constructor(readonly tag: string) {
    super(tag);
  }
}

/** Wraps a nested route error tag the way Dropbox prints error_summary: `a/b/..`. */
export function errorSummary(body: unknown): string {
  const parts: string[] = [];
  let cur: unknown = body;
  while (cur && typeof cur === 'object' && '.tag' in cur) {
    const tag = String((cur as Record<string, unknown>)['.tag']);
    parts.push(tag);
    cur = (cur as Record<string, unknown>)[tag];
  }
  return `${parts.join('/')}/..`;
}
