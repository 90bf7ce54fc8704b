import { describe, expect, it } from 'vitest';
import { removeParams } from '../../../../preload/contract/member-actions.js';
import { chooseFate, FILE_FATES, fateUnavailable, initialRemoveValues, optionsFor, removeToParams, type FileFate, type RemoveValues } from '../../../../renderer/src/features/member-actions/forms/remove-options.js';
import { memberRow } from '../member-fixtures.js';

const leaver = memberRow({ name: 'Lee Leaver' });
const FATES = FILE_FATES.map((f) => f.value);

/** Every state the form can reach: a fate chosen after any earlier state, then each box the fate leaves open ticked or not. */
function reachableStates(): RemoveValues[] {
  const out: RemoveValues[] = [];
  const starts: RemoveValues[] = [];
  for (const wipeData of [false, true]) for (const retainTeamShares of [false, true]) for (const fate of FATES) starts.push({ ...initialRemoveValues(), fate, wipeData, retainTeamShares });
  for (const start of starts) {
    for (const fate of FATES) {
      const chosen = chooseFate(start, fate);
      const fits = optionsFor(fate);
      for (const wipeData of fits.wipeChoosable ? [false, true] : [chosen.wipeData]) {
        for (const retainTeamShares of fits.teamShares ? [false, true] : [chosen.retainTeamShares]) {
          out.push({ ...chosen, wipeData, retainTeamShares, transferTo: 'rita.receiver@example.com', transferAdmin: 'ada.admin@example.com' });
        }
      }
    }
  }
  return out;
}

describe('remove form options', () => {
  it('starts on "leave the files for now" with the wipe off', () => {
    expect(initialRemoveValues()).toMatchObject({ fate: 'later', wipeData: false, retainTeamShares: false });
    expect(removeToParams(initialRemoveValues(), leaver)).toEqual({ member: leaver.id, wipeData: false, keepAccount: false, retainTeamShares: false, permanentlyDeleteFiles: false });
  });

  it('every state the form can reach is one removeParams accepts', () => {
    const states = reachableStates();
    expect(states.length).toBeGreaterThan(20);
    for (const state of states) {
      const parsed = removeParams.safeParse(removeToParams(state, leaver));
      expect(parsed.success, `${JSON.stringify(state)} → ${parsed.error?.issues.map((i) => i.message).join(' ')}`).toBe(true);
    }
  });

  it('never sends a combination Dropbox refuses, from any reachable state', () => {
    for (const state of reachableStates()) {
      const p = removeToParams(state, leaver);
      if (p.keepAccount) expect([p.wipeData, p.transferTo, p.permanentlyDeleteFiles]).toEqual([false, undefined, false]);
      if (p.retainTeamShares) expect([p.keepAccount, p.wipeData]).toEqual([true, false]);
      if (p.permanentlyDeleteFiles) expect(p.transferTo).toBeUndefined();
      expect(p.transferTo === undefined).toBe(p.transferAdmin === undefined);
    }
  });

  it('choosing "keep the account" switches the wipe off and locks it; leaving it switches team shares off', () => {
    const wiping: RemoveValues = { ...initialRemoveValues(), wipeData: true };
    const kept = chooseFate(wiping, 'keep');
    expect(kept.wipeData).toBe(false);
    expect(optionsFor('keep')).toEqual({ wipeChoosable: false, recipients: false, teamShares: true });
    const transferring = chooseFate({ ...kept, retainTeamShares: true }, 'transfer');
    expect(transferring.retainTeamShares).toBe(false);
    expect(optionsFor('transfer')).toEqual({ wipeChoosable: true, recipients: true, teamShares: false });
  });

  it('a locked-off wipe stays off in the params even if the values say otherwise', () => {
    const forced: RemoveValues = { ...initialRemoveValues(), fate: 'keep', wipeData: true };
    expect(removeToParams(forced, leaver).wipeData).toBe(false);
  });

  it('colleagues typed for a transfer are sent only with "transfer", and kept when the admin comes back to it', () => {
    const typed: RemoveValues = { ...initialRemoveValues(), fate: 'transfer', transferTo: ' rita.receiver@example.com ', transferAdmin: 'ada.admin@example.com' };
    expect(removeToParams(typed, leaver)).toMatchObject({ transferTo: 'rita.receiver@example.com', transferAdmin: 'ada.admin@example.com' });
    const deleting = chooseFate(typed, 'delete');
    expect(removeToParams(deleting, leaver)).toEqual({ member: leaver.id, wipeData: false, keepAccount: false, retainTeamShares: false, permanentlyDeleteFiles: true });
    expect(removeToParams(chooseFate(deleting, 'transfer'), leaver).transferTo).toBe('rita.receiver@example.com');
  });

  it('a transfer without colleagues fails on the two fields, not on the form as a whole', () => {
    const parsed = removeParams.safeParse(removeToParams(chooseFate(initialRemoveValues(), 'transfer'), leaver));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['transferTo', 'transferAdmin']));
    expect(parsed.error!.issues.find((i) => i.path[0] === 'transferTo')?.message).toBe('Choose a member.');
  });

  it('transferring to the leaver themself is refused by the schema the form validates with', () => {
    const self: RemoveValues = { ...initialRemoveValues(), fate: 'transfer', transferTo: leaver.email, transferAdmin: 'ada.admin@example.com' };
    const byId: RemoveValues = { ...self, transferTo: leaver.id };
    expect(removeParams.safeParse(removeToParams(byId, leaver)).success).toBe(false);
    // The member is sent by id, so an email naming the same person is left to the plan, which reads both.
    expect(removeParams.safeParse(removeToParams(self, leaver)).success).toBe(true);
  });

  it('an invited member cannot keep an account they never had; everyone else can', () => {
    const invited = memberRow({ name: 'Ivy Invited', status: 'invited' });
    expect(fateUnavailable('keep', invited)).toBe('An invited member who never joined has no account to keep.');
    for (const fate of FATES as FileFate[]) expect(fateUnavailable(fate, leaver)).toBeUndefined();
    expect(fateUnavailable('keep', memberRow({ name: 'Sue Suspended', status: 'suspended' }))).toBeUndefined();
  });

  it('every irreversible choice says "Cannot be undone"', () => {
    for (const f of FILE_FATES) expect(f.hint.includes('Cannot be undone'), f.value).toBe(f.value !== 'later');
  });
});
