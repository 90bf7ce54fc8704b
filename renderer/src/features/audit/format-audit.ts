import type { AuditEntry, AuditFilter } from '../../../../preload/contract.js';
import type { MemberActionKind } from '../../../../preload/contract/member-actions.js';

/** Every member action in words, as the filter offers them; a Record so a new action cannot be left out. */
export const ACTION_WORDS: Record<MemberActionKind, string> = {
  'member.invite': 'Invite',
  'member.resend-invite': 'Resend invite',
  'member.cancel-invite': 'Cancel invite',
  'member.edit-profile': 'Edit profile',
  'member.change-role': 'Change role',
  'member.suspend': 'Suspend',
  'member.unsuspend': 'Unsuspend',
  'member.remove': 'Remove',
  'member.recover': 'Recover',
  'member.move-former-member-files': 'Transfer files of a removed member',
  'member.delete-former-member-files': 'Permanently delete files of a removed member',
};

export const ACTION_KINDS = Object.keys(ACTION_WORDS) as MemberActionKind[];

/** An action in words; one this version does not know (written by a newer one) as its kind. */
export function actionWords(kind: string): string {
  return (ACTION_WORDS as Record<string, string>)[kind] ?? kind;
}

export const AUDIT_OUTCOME_WORDS: Record<AuditEntry['outcome'], string> = {
  done: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
  unconfirmed: 'Unconfirmed',
};

/** Option names whose words are not their camelCase split. */
const OPTION_WORDS: Record<string, string> = {
  roleId: 'role',
  externalId: 'external ID',
  persistentId: 'persistent ID',
  wipeData: 'wipe linked devices',
  sendWelcomeEmail: 'welcome email',
  transferTo: 'transfer files to',
  transferAdmin: 'admin told of transfer problems',
};

function optionName(key: string): string {
  return OPTION_WORDS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function optionValue(value: unknown): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (value === null) return 'none';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "wipe linked devices: no · keep account: yes": an item's options on one line; the member is said elsewhere. */
export function summariseOptions(options: unknown): string {
  if (!options || typeof options !== 'object') return '';
  return Object.entries(options as Record<string, unknown>)
    .filter(([key, value]) => key !== 'member' && value !== undefined)
    .map(([key, value]) => `${optionName(key)}: ${optionValue(value)}`)
    .join(' · ');
}

/** Who an entry is about: their email when known, else their member id. */
export function entryMember(entry: Pick<AuditEntry, 'member'>): string {
  return entry.member.email ?? entry.member.id ?? '';
}

/** The filter form as typed: empty means "any". */
export interface AuditFilterForm {
  member: string;
  action: string;
  outcome: '' | AuditEntry['outcome'];
  /** yyyy-mm-dd from a date field. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FORM: AuditFilterForm = { member: '', action: '', outcome: '', from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form as listAudit's filter, or the one sentence that says what to fix (nothing is read then). */
export function auditFilterOf(form: AuditFilterForm): { filter: AuditFilter } | { problem: string } {
  const filter: AuditFilter = {};
  const member = form.member.trim();
  if (member.length > 255) return { problem: 'A member is searched by an email address or a member id of at most 255 characters.' };
  if (member) filter.member = member;
  if (form.action) filter.action = form.action;
  if (form.outcome) filter.outcome = form.outcome;
  for (const key of ['from', 'to'] as const) {
    const value = form[key];
    if (!value) continue;
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) return { problem: `The ${key === 'from' ? 'start' : 'end'} date is not a date (yyyy-mm-dd).` };
    filter[key] = value;
  }
  if (filter.from && filter.to && filter.from > filter.to) return { problem: 'The start date is after the end date.' };
  return { filter };
}

export function isFiltering(form: AuditFilterForm): boolean {
  return Object.values(form).some((v) => v !== '');
}
