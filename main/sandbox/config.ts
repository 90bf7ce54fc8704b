/** Behaviour knobs of one running sandbox (CLI flags map onto these). */
export interface SandboxConfig {
  /** Added before every answer, in ms. */
  latencyMs: number;
  /** Write operations per second per team; 0 = unlimited. */
  writeRate: number;
  /** Lifetime of OAuth access tokens, in seconds (Dropbox: 14400). */
  tokenTtlSeconds: number;
  /** How long an async job reports in_progress before it completes, in ms. */
  asyncJobDelayMs: number;
  /** members/add_v2 with more than this many new members answers with an async job. */
  asyncAddThreshold: number;
}

export const DEFAULT_CONFIG: SandboxConfig = {
  latencyMs: 0,
  writeRate: 0,
  tokenTtlSeconds: 14_400,
  asyncJobDelayMs: 300,
  asyncAddThreshold: 5,
};
