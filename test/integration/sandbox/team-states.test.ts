import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeErrorTag, withSandbox } from '../../support/sandbox-client.js';
import { control } from './control-api.js';
import { byId, plainMembers, teamAdmin, type Sb } from './members-remove-fixtures.js';

describe('sandbox: team states set through the control API, met through the real SDK', () => {
  let sb: Sb;
  beforeEach(async () => {
    sb = await withSandbox({ members: 40, seed: 3 });
  });
  afterEach(() => sb.close());

  const memberState = (m: { teamMemberId: string }, states: Record<string, boolean>) => control(sb, 'POST', 'members/state', { team_member_id: m.teamMemberId, ...states });
  const keepAccount = (m: { teamMemberId: string }) => sb.dbx.teamMembersRemove({ user: byId(m), wipe_data: false, keep_account: true });

  it('a legal hold and unsigned terms of service keep an account from leaving; clearing them lets it go', async () => {
    const [held, tos] = plainMembers(sb, 2);
    expect((await memberState(held, { legalHold: true })).body.states).toMatchObject({ legalHold: true });
    expect((await control(sb, 'POST', 'members/state', { email: tos.email, mustSignTos: true })).status).toBe(200);
    expect(await routeErrorTag(keepAccount(held))).toBe('cannot_keep_account_under_legal_hold');
    expect(await routeErrorTag(keepAccount(tos))).toBe('cannot_keep_account_required_to_sign_tos');
    expect([held.status, tos.status]).toEqual(['active', 'active']);
    // Removal without keeping the account is still allowed.
    expect((await sb.dbx.teamMembersRemove({ user: byId(held) })).status).toBe(200);
    await memberState(tos, { mustSignTos: false });
    expect((await keepAccount(tos)).status).toBe(200);
  });

  it('team external sharing off refuses retain_team_shares', async () => {
    const [m] = plainMembers(sb, 1);
    const set = await control(sb, 'POST', 'team', { externalSharingOff: true });
    expect(set.body).toMatchObject({ externalSharingOff: true, persistentIdDisabled: false });
    const retain = () => sb.dbx.teamMembersRemove({ user: byId(m), wipe_data: false, keep_account: true, retain_team_shares: true });
    expect(await routeErrorTag(retain())).toBe('cannot_retain_shares_when_team_external_sharing_off');
    expect(m.status).toBe('active');
    await control(sb, 'POST', 'team', { externalSharingOff: false });
    expect((await retain()).status).toBe(200);
  });

  it('an unverified recipient cannot receive files', async () => {
    const [a, b] = plainMembers(sb, 2);
    await memberState(b, { emailVerified: false });
    const transfer = { transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) };
    expect(await routeErrorTag(sb.dbx.teamMembersRemove({ user: byId(a), ...transfer }))).toBe('recipient_not_verified');
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    expect(await routeErrorTag(sb.dbx.teamMembersMoveFormerMemberFiles({ user: byId(a), ...transfer }))).toBe('recipient_not_verified');
    const info = (await sb.dbx.teamMembersGetInfoV2({ members: [byId(b)] })).result.members_info[0];
    expect(info['.tag'] === 'member_info' && info.profile.email_verified).toBe(false);
  });

  it('a former member whose files are still being transferred', async () => {
    const [a, b] = plainMembers(sb, 2);
    expect((await memberState(a, { filesTransferring: true })).status).toBe(409);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    await memberState(a, { filesTransferring: true });
    const move = () => sb.dbx.teamMembersMoveFormerMemberFiles({ user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) });
    expect(await routeErrorTag(move())).toBe('user_data_is_being_transferred');
    expect(await routeErrorTag(sb.dbx.teamMembersDeleteFormerMemberFiles({ user: byId(a) }))).toBe('transfer_in_progress');
    expect(await routeErrorTag(sb.dbx.teamMembersRecover({ user: byId(a) }))).toBe('user_unrecoverable');
    await memberState(a, { filesTransferring: false });
    expect((await move()).result['.tag']).toBe('async_job_id');
  });

  it('persistent ids disabled: set_profile and add refuse them', async () => {
    const [m] = plainMembers(sb, 1);
    await control(sb, 'POST', 'team', { persistentIdDisabled: true });
    expect(await routeErrorTag(sb.dbx.teamMembersSetProfileV2({ user: byId(m), new_persistent_id: 'saml-42' }))).toBe('persistent_id_disabled');
    expect(m.persistentId).toBeUndefined();
    const add = await sb.dbx.teamMembersAddV2({ new_members: [{ member_email: 'pid@new-hires.example.com', member_persistent_id: 'saml-43' }] });
    expect(add.result).toEqual({ '.tag': 'complete', complete: [{ '.tag': 'persistent_id_disabled', persistent_id_disabled: 'pid@new-hires.example.com' }] });
    // Without a persistent id the same calls work.
    expect((await sb.dbx.teamMembersSetProfileV2({ user: byId(m), new_given_name: 'Still' })).status).toBe(200);
  });

  it('a full team refuses add and recover, and an over-full one unsuspend', async () => {
    const store = sb.sandbox.store;
    const [a] = plainMembers(sb, 1);
    const suspended = store.state.members.find((m) => m.status === 'suspended')!;
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    const full = await control(sb, 'POST', 'team', { full: true });
    expect(full.body.numLicensedUsers).toBe(full.body.provisioned);
    expect((await sb.dbx.teamGetInfo()).result.num_licensed_users).toBe(full.body.provisioned);
    const add = await sb.dbx.teamMembersAddV2({ new_members: [{ member_email: 'full@new-hires.example.com' }] });
    expect(add.result).toEqual({ '.tag': 'complete', complete: [{ '.tag': 'team_license_limit', team_license_limit: 'full@new-hires.example.com' }] });
    expect(await routeErrorTag(sb.dbx.teamMembersRecover({ user: byId(a) }))).toBe('team_license_limit');
    await control(sb, 'POST', 'team', { numLicensedUsers: full.body.provisioned - 1 });
    expect(await routeErrorTag(sb.dbx.teamMembersUnsuspend({ user: byId(suspended) }))).toBe('team_license_limit');
    expect([a.status, suspended.status]).toEqual(['removed', 'suspended']);
  });

  it('refuses unknown members, misspelt states and states that do not apply, changing nothing', async () => {
    const invited = sb.sandbox.store.state.members.find((m) => m.status === 'invited')!;
    expect((await control(sb, 'POST', 'members/state', { team_member_id: 'dbmid:nobody', legalHold: true })).status).toBe(404);
    expect((await control(sb, 'POST', 'members/state', { team_member_id: invited.teamMemberId, legalHold: true, legalHolds: true })).status).toBe(400);
    expect((await control(sb, 'POST', 'members/state', { team_member_id: invited.teamMemberId, legalHold: true, emailVerified: true })).status).toBe(409);
    expect(invited.legalHold).toBeUndefined();
    expect((await control(sb, 'POST', 'team', { numLicensedUsers: -1 })).status).toBe(400);
    expect((await control(sb, 'GET', 'team')).body).toMatchObject({ externalSharingOff: false, persistentIdDisabled: false });
  });

  it('the seed team shows a legal hold, unsigned terms, an unverified member and a transfer in progress', async () => {
    const members = sb.sandbox.store.state.members;
    const held = members.find((m) => m.legalHold)!;
    const tos = members.find((m) => m.mustSignTos)!;
    const unverified = members.find((m) => m.status === 'active' && !m.emailVerified)!;
    const moving = members.find((m) => m.files.transferring)!;
    expect(await routeErrorTag(keepAccount(held))).toBe('cannot_keep_account_under_legal_hold');
    expect(await routeErrorTag(keepAccount(tos))).toBe('cannot_keep_account_required_to_sign_tos');
    const [a] = plainMembers(sb, 1);
    const toUnverified = { transfer_dest_id: byId(unverified), transfer_admin_id: byId(teamAdmin(sb)) };
    expect(await routeErrorTag(sb.dbx.teamMembersRemove({ user: byId(a), ...toUnverified }))).toBe('recipient_not_verified');
    expect(moving.status).toBe('removed');
    expect(await routeErrorTag(sb.dbx.teamMembersMoveFormerMemberFiles({ user: byId(moving), transfer_dest_id: byId(a), transfer_admin_id: byId(teamAdmin(sb)) }))).toBe('user_data_is_being_transferred');
    expect(await routeErrorTag(sb.dbx.teamMembersRecover({ user: byId(moving) }))).toBe('user_unrecoverable');
  });
});
