import type { MemberRow } from '../../../../../preload/contract.js';
import type { RemoveParams } from '../../../../../preload/contract/member-actions.js';

/**
 * The remove form's one big choice, and which of members/remove's options
 * fit each answer. The form is built from these rules so that a combination
 * Dropbox refuses (keep the account and wipe, transfer and delete, team
 * shares without the account…) cannot be put together; removeParams still
 * checks the result.
 */
export type FileFate = 'transfer' | 'keep' | 'later' | 'delete';

export interface RemoveValues {
  fate: FileFate;
  wipeData: boolean;
  /** Email (or member id) of the colleague receiving the files: only with 'transfer'. */
  transferTo: string;
  /** Email (or member id) of the admin told about transfer errors: only with 'transfer'. */
  transferAdmin: string;
  /** Keep folders shared with them directly: only with 'keep'. */
  retainTeamShares: boolean;
}

export interface FateChoice {
  value: FileFate;
  label: string;
  hint: string;
}

export const FILE_FATES: readonly FateChoice[] = [
  {
    value: 'later',
    label: 'Leave them in the removed account for now',
    hint: 'Transfer them to a colleague later, or recover the member with their files within 7 days.',
  },
  {
    value: 'transfer',
    label: 'Transfer them now to a colleague',
    hint: "They move into a folder in the colleague's Dropbox. Cannot be undone: after a transfer the member cannot be recovered.",
  },
  {
    value: 'keep',
    label: 'Let the person keep them in a personal Dropbox Basic account',
    hint: 'They keep their email address and the files not restricted to the team. Cannot be undone: the member cannot be recovered.',
  },
  {
    value: 'delete',
    label: 'Permanently delete them',
    hint: 'Cannot be undone: the files are gone for good and the member cannot be recovered.',
  },
];

/** Why a choice is not offered for this member, or undefined when it is. */
export function fateUnavailable(fate: FileFate, member: MemberRow | undefined): string | undefined {
  if (fate === 'keep' && member?.status === 'invited') return 'An invited member who never joined has no account to keep.';
  return undefined;
}

export interface FateOptions {
  /** Whether the admin chooses the wipe; when not, it is off. */
  wipeChoosable: boolean;
  /** Colleague and admin fields. */
  recipients: boolean;
  /** The "keep folders shared with them" box. */
  teamShares: boolean;
}

export function optionsFor(fate: FileFate): FateOptions {
  return {
    // Dropbox refuses keep_account with wipe_data (cannot_keep_account_and_delete_data).
    wipeChoosable: fate !== 'keep',
    recipients: fate === 'transfer',
    teamShares: fate === 'keep',
  };
}

/**
 * Values after choosing `fate`: what no longer fits is switched off, so the
 * form never holds (or shows) an option the choice rules out. Chosen
 * colleagues are kept as typed, in case the admin comes back to "transfer".
 */
export function chooseFate(values: RemoveValues, fate: FileFate): RemoveValues {
  const fits = optionsFor(fate);
  return {
    ...values,
    fate,
    wipeData: fits.wipeChoosable && values.wipeData,
    retainTeamShares: fits.teamShares && values.retainTeamShares,
  };
}

/** Wiping is off until the admin turns it on: the less destructive choice is the one taken by default. */
export function initialRemoveValues(): RemoveValues {
  return { fate: 'later', wipeData: false, transferTo: '', transferAdmin: '', retainTeamShares: false };
}

/**
 * The job item. For a transfer both colleagues are always sent, empty when
 * not chosen yet, so the schema's "Choose a member." lands on the field
 * that is missing rather than on the form as a whole.
 */
export function removeToParams(values: RemoveValues, member: MemberRow | undefined): RemoveParams {
  const fits = optionsFor(values.fate);
  return {
    member: member?.id ?? '',
    wipeData: fits.wipeChoosable && values.wipeData,
    ...(fits.recipients ? { transferTo: values.transferTo.trim(), transferAdmin: values.transferAdmin.trim() } : {}),
    keepAccount: values.fate === 'keep',
    retainTeamShares: fits.teamShares && values.retainTeamShares,
    permanentlyDeleteFiles: values.fate === 'delete',
  };
}
