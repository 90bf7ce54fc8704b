import type { ItemResult, MemberRef } from '../../../../preload/contract.js';

/** Who an item is about, in words: the member as read while planning, else what was asked for. */
export function itemSubject(item: { member?: MemberRef; input: unknown }): string {
  if (item.member) return `${item.member.name} (${item.member.email})`;
  const input = (item.input ?? {}) as Record<string, unknown>;
  const key = input.email ?? input.member;
  return typeof key === 'string' ? key : 'Unknown member';
}

/** One result as a sentence: done, skipped with the reason, failed with the sentence and Dropbox's tag. */
export function outcomeSentence(result: ItemResult['outcome']): string {
  switch (result.outcome) {
    case 'done':
      return result.detail ? `Done. ${result.detail}` : 'Done.';
    case 'skipped':
      return `Skipped: ${result.reason}`;
    case 'failed':
      return `Failed: ${result.message}${result.tag ? ` (Dropbox: ${result.tag})` : ''}`;
    case 'unconfirmed':
      return `Not confirmed: ${result.message} Resuming the job checks with Dropbox before anything is sent again.`;
    case 'pending':
      return 'Not run.';
  }
}
