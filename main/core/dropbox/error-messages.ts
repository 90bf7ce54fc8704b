/**
 * What a Dropbox error tag means, in a sentence an admin understands. Tags
 * are the ones team.stone and auth.stone define for the member, group,
 * session and token routes Teamkeeper calls; unknown tags (open unions grow)
 * fall back to a generic sentence that still names the tag.
 */
export const DROPBOX_TAG_MESSAGES: Readonly<Record<string, string>> = {
  // Selecting members (UserSelectorError, MemberSelectorError)
  user_not_found: 'No member with that email address or id is on this team.',
  user_not_in_team: 'This person is not a member of the team.',
  id_not_found: 'No member with that id is on this team.',
  member_not_found: 'This member is no longer on the team. Refresh the directory.',

  // Removing, suspending, roles
  remove_last_admin: "This member is the last team admin and can't be removed.",
  suspend_last_admin: "This member is the last team admin and can't be suspended.",
  last_admin: "This member is the last team admin, so their admin role can't be taken away.",
  suspend_inactive_user: 'Only active members can be suspended; this member is invited, already suspended or removed.',
  unsuspend_non_suspended_member: "This member isn't suspended.",
  cannot_set_permissions: "This member's role can't be changed right now, for example because they are suspended.",
  role_not_found: "That role doesn't exist on this team.",
  member_is_transfer_destination: "This member is receiving another member's files. Wait for that transfer to finish before removing them.",
  cannot_keep_account_and_transfer: "A removed member can't keep their account and also have their files transferred.",
  cannot_keep_account_and_delete_data: "A removed member can't keep their account if their data is wiped from their devices.",
  cannot_keep_account_and_permanently_delete: "A removed member can't keep their account if their files are permanently deleted.",
  cannot_permanently_delete_and_transfer: "Files can't be both permanently deleted and transferred.",
  email_address_too_long_to_be_disabled: "This member's email address is too long for Dropbox to convert the account.",
  cannot_keep_invited_user_account: "An invited member who never joined has no account to keep.",
  cannot_retain_shares_when_data_wiped: "Team shares can only be kept when the member's data is not wiped from their devices.",
  cannot_retain_shares_when_no_account_kept: 'Team shares can only be kept when the member keeps their account.',
  cannot_retain_shares_when_team_external_sharing_off: 'Team shares can only be kept when external sharing is turned on in the team settings.',
  cannot_keep_account: 'Only a Team admin can convert a removed member to a Basic account.',
  cannot_keep_account_under_legal_hold: "This member's content is under a legal hold. Release the hold before converting them to a Basic account.",
  cannot_keep_account_required_to_sign_tos: 'This member must sign in to Dropbox and accept the terms of service before their account can be kept.',
  user_unrecoverable: "This member can't be recovered any more: more than 7 days have passed, or their files were transferred.",
  team_license_limit: 'The team has no free licenses. Free one up or add licenses in the Admin Console, then try again.',
  free_team_member_limit_reached: 'The team has reached its limit of free members.',

  // File transfers
  transfer_in_progress: "A transfer of this member's files is still running. Wait for it to finish.",
  already_transferred: "This member's files were already transferred.",
  already_transferred_or_deleted: "This member's files were already transferred or deleted.",
  removed_and_transfer_dest_should_differ: "Files can't be transferred to the member who is being removed.",
  removed_and_transfer_admin_should_differ: "The admin told about transfer problems can't be the member who is being removed.",
  transfer_dest_user_not_found: 'The member chosen to receive the files is not on the team.',
  transfer_dest_user_not_in_team: 'The member chosen to receive the files is not on the team.',
  transfer_admin_user_not_found: 'The admin chosen for transfer problems is not on the team.',
  transfer_admin_user_not_in_team: 'The admin chosen for transfer problems is not on the team.',
  unspecified_transfer_admin_id: 'Choose an admin to be told about transfer problems.',
  transfer_admin_is_not_admin: 'The member chosen for transfer problems is not a team admin.',
  recipient_not_verified: "The member chosen to receive the files hasn't verified their email address.",
  user_not_removed: 'This member has not been removed from the team.',
  user_data_is_being_transferred: "This member's files are being transferred. Try again when the transfer has finished.",
  user_data_cannot_be_transferred: "This member's files can't be transferred any more.",
  user_data_already_transferred: "This member's files were already transferred to someone else.",

  // Profiles
  email_reserved_for_other_user: 'That email address already belongs to another member or Dropbox account.',
  external_id_used_by_other_user: 'That external ID is already used by another member.',
  external_id_and_new_external_id_unsafe: 'Select the member by something other than the external ID you are changing.',
  no_new_data_specified: 'Nothing to change: give a new email address, name or external ID.',
  set_profile_disallowed: "A removed member's profile can't be changed.",
  param_cannot_be_empty: "The new email address can't be empty.",
  persistent_id_disabled: 'Persistent IDs are only available to teams that use them with SAML single sign-on.',
  persistent_id_used_by_other_user: 'That persistent ID is already used by another member.',
  directory_restricted_off: 'Directory restrictions are not available to this team.',

  // Adding members (per-member results of members/add)
  user_already_on_team: 'This person is already a member of the team.',
  user_on_another_team: 'This person is a member of another Dropbox team.',
  user_already_paired: 'This person already has a paired personal and work account.',
  user_migration_failed: 'Dropbox could not move this person’s existing account into the team.',
  duplicate_external_member_id: 'Another member already has that external ID.',
  duplicate_member_persistent_id: 'Another member already has that persistent ID.',
  user_creation_failed: 'Dropbox could not create an account for this person.',

  // Groups
  group_not_found: 'That group no longer exists. Refresh the directory.',
  group_not_in_team: 'That group is not on this team.',
  group_not_on_team: 'That group is not on this team.',
  system_managed_group_disallowed: "System-managed groups (such as the everyone group) can't be changed this way.",
  member_not_in_group: 'That member is not in the group.',
  group_name_already_used: 'Another group already has that name.',
  group_name_invalid: "The group name is empty or has characters Dropbox doesn't allow.",
  external_id_already_in_use: 'Another group already has that external ID.',
  group_already_deleted: 'That group was already deleted.',
  duplicate_user: 'One or more of these members are already in the group.',
  members_not_in_team: 'Some of these people are not members of the team.',
  users_not_found: 'Some of these people were not found in Dropbox.',
  user_must_be_active_to_be_owner: "A suspended member can't be a group manager.",
  user_cannot_be_manager_of_company_managed_group: "A company-managed group can't have members as managers.",

  // Sessions and linked apps
  device_session_not_found: 'That session has already ended.',
  app_not_found: 'That app is no longer linked.',
  app_folder_removal_not_supported: "Dropbox can't remove the app folder of this app.",

  // Listings and jobs
  invalid_cursor: 'The list changed while it was being read. Refresh to start again.',
  invalid_async_job_id: 'Dropbox no longer knows this background job.',
  internal_error: 'Dropbox had an internal error with this job. Check the result before trying again.',
  access_denied: 'The signed-in admin may not see this job.',

  // Who connected (token/get_authenticated_admin)
  mapping_not_found: 'Dropbox does not know which admin connected this team. Sign in again.',
  admin_not_active: 'The admin who connected this team is no longer an active admin. Sign in again as an active admin.',

  // Auth (401) and access (403)
  invalid_access_token: 'Dropbox no longer accepts this sign-in.',
  invalid_grant: 'Dropbox no longer accepts the saved sign-in: it was revoked, or the admin who signed in is no longer an active admin.',
  expired_access_token: 'The sign-in expired and could not be renewed.',
  invalid_client: 'Dropbox no longer knows the app key this team was connected with (the app was deleted or its key changed).',
  user_suspended: 'The admin who connected this team has been suspended.',
  invalid_select_user: 'The member this was done as is no longer on the team.',
  invalid_select_admin: 'The admin this was done as is not a team admin.',
  route_access_denied: 'Dropbox does not offer this operation to apps.',
  team_access_denied: "The team's plan does not allow this.",
  no_permission: 'The signed-in admin is not allowed to do this.',
  invalid_account_type: "The team's account type does not allow this.",
  paper_access_denied: 'Paper is not available to this account.',

  // Rate limits
  too_many_requests: 'Dropbox is limiting how fast Teamkeeper may call it. Try again in a minute.',
  too_many_write_operations: 'Dropbox is limiting how many changes the team can make at once. Try again in a minute.',
};

export function messageForTag(tag: string | undefined): string | undefined {
  return tag !== undefined && Object.hasOwn(DROPBOX_TAG_MESSAGES, tag) ? DROPBOX_TAG_MESSAGES[tag] : undefined;
}
