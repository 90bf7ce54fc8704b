import { SANDBOX_LABEL, type ConnectionState, type ConnectionSummary } from '../../../../preload/contract.js';

/** The badge of the built-in team; also the sandbox connection's default label. */
export const SANDBOX_BADGE = SANDBOX_LABEL;

/**
 * What the admin calls the connection. The sandbox's default label is the
 * badge's text, so the header shows its team name instead of the badge twice.
 */
export function connectionName(c: Pick<ConnectionSummary, 'kind' | 'label' | 'teamName'>): string {
  if (c.kind === 'sandbox' && c.label === SANDBOX_BADGE) return c.teamName ?? c.label;
  return c.label;
}

/**
 * The name on the header's team button: the practice team's own name says
 * "(practice data)", which the badge beside it already says.
 */
export function headerName(c: Pick<ConnectionSummary, 'kind' | 'label' | 'teamName'>): string {
  const name = connectionName(c);
  return c.kind === 'sandbox' ? name.replace(/\s*\(practice data\)$/i, '') || name : name;
}

/** The Dropbox team name, when it says something the connection's name does not. */
export function secondaryTeamName(c: Pick<ConnectionSummary, 'kind' | 'label' | 'teamName'>): string | undefined {
  return c.teamName && c.teamName !== connectionName(c) ? c.teamName : undefined;
}

export const CONNECTION_STATE_LABELS: Record<ConnectionState, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  refreshing: 'Refreshing access…',
  needs_reauth: 'Needs sign-in',
  offline: 'Offline — retrying',
};

/** "12 of 15 licenses used" */
export function licenseUse(licenses: ConnectionSummary['licenses']): string | undefined {
  if (!licenses) return undefined;
  const { provisioned, licensed } = licenses;
  return `${provisioned.toLocaleString('en-US')} of ${licensed.toLocaleString('en-US')} ${licensed === 1 ? 'license' : 'licenses'} used`;
}
