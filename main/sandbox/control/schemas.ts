import { z } from 'zod';
import { TEAM_SCOPES } from '../oauth/scopes.js';
import { isLoopbackRedirect } from '../oauth/redirect-uri.js';

/** Bodies of the control API. Strict: a misspelt knob is an error, not a silent no-op. */

export const faultBody = z.strictObject({
  /** Route path after /2/ ("team/members/list_v2"), or "*" for every route. */
  route: z.string().min(1).max(200),
  fault: z.union([z.literal(429), z.literal(500), z.literal(503), z.literal('drop')]),
  count: z.number().int().min(1).max(1_000_000).default(1),
  retryAfter: z.number().int().min(0).max(86_400).optional(),
});

export const resetBody = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  members: z.number().int().min(1).max(200_000).optional(),
});

export const inviteBody = z.union([z.strictObject({ email: z.string().min(1).max(255) }), z.strictObject({ team_member_id: z.string().min(1).max(200) })]);

const MAX_ADVANCE_DAYS = 100 * 365;

export const clockBody = z.union([
  z.strictObject({ advanceDays: z.number().min(0).max(MAX_ADVANCE_DAYS) }),
  z.strictObject({ advanceMs: z.number().int().min(0).max(MAX_ADVANCE_DAYS * 24 * 60 * 60 * 1000) }),
]);

export const configBody = z.strictObject({
  writeRate: z.number().min(0).max(1_000_000).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  tokenTtlSeconds: z.number().int().min(1).max(30 * 24 * 60 * 60).optional(),
  asyncJobDelayMs: z.number().int().min(0).max(600_000).optional(),
  asyncAddThreshold: z.number().int().min(0).max(1000).optional(),
});

export const revokeBody = z.strictObject({
  /** Only this app's grants; all apps' when absent. */
  clientId: z.string().min(1).max(200).optional(),
});

/** Dropbox accepts https redirect URIs, and plain http only to the admin's own machine. */
function isRedirectUri(uri: string): boolean {
  try {
    const u = new URL(uri);
    return (u.protocol === 'https:' && !uri.includes('#')) || isLoopbackRedirect(uri);
  } catch {
    return false;
  }
}

export const appBody = z.strictObject({
  /** The app key; letters, digits, - and _ like Dropbox's. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'an app key has 1 to 100 letters, digits, - or _'),
  scopes: z
    .array(z.enum(TEAM_SCOPES, { error: (issue) => `${JSON.stringify(issue.input)} is not a team scope of this sandbox (${TEAM_SCOPES.join(', ')})` }))
    .min(1)
    .max(TEAM_SCOPES.length * 2),
  redirectUris: z
    .array(z.string().max(2000).refine(isRedirectUri, 'a redirect URI is an https URL, or http on a loopback address, without a fragment'))
    .max(50)
    .default([]),
});

/** POST /__sandbox/team: team-wide states. */
export const teamStateBody = z.strictObject({
  /** Licenses the team has; below the provisioned count, unsuspend answers team_license_limit too. */
  numLicensedUsers: z.number().int().min(0).max(1_000_000).optional(),
  /** Shorthand: exactly as many licenses as provisioned members, so add and recover answer team_license_limit. */
  full: z.literal(true).optional(),
  externalSharingOff: z.boolean().optional(),
  persistentIdDisabled: z.boolean().optional(),
});

const memberStateFlags = {
  legalHold: z.boolean().optional(),
  mustSignTos: z.boolean().optional(),
  emailVerified: z.boolean().optional(),
  /** Only for a removed member: their files are still being transferred. */
  filesTransferring: z.boolean().optional(),
};

/** POST /__sandbox/members/state: states of one member, found by email or team_member_id. */
export const memberStateBody = z.union([
  z.strictObject({ email: z.string().min(1).max(255), ...memberStateFlags }),
  z.strictObject({ team_member_id: z.string().min(1).max(200), ...memberStateFlags }),
]);
