/**
 * What one member action needs from the renderer: where it is offered, its
 * form, and how the form's values become a job item. The dialog that plans,
 * confirms, runs and shows results is shared by every action
 * (action-dialog.tsx); an action adds only a spec and a form.
 */
import type { ComponentType } from 'react';
import type { MemberRow, NamedRef } from '../../../../preload/contract.js';
import type { MemberActionKind } from '../../../../preload/contract/member-actions.js';

export interface ActionFormProps<V> {
  /** The member acted on (absent for an invite). */
  member: MemberRow | undefined;
  values: V;
  onChange(values: V): void;
  /** Field errors from the parameter schema, keyed by field name, shown under each field. */
  errors: Readonly<Record<string, string>>;
  /** The team's roles as the directory knows them (for role choices). */
  roles: readonly NamedRef[];
  /** Every member the directory holds, for choosing a colleague (transfer to, admin to notify). */
  members: readonly MemberRow[];
  /** Prefix for element ids so labels stay unique. */
  idPrefix: string;
}

export interface MemberActionSpec<V = unknown> {
  kind: MemberActionKind;
  /** Menu and dialog title: "Suspend", "Remove from team". */
  label: string;
  /** Removes access or data: the dialog is an alertdialog and the run button never the default. */
  destructive: boolean;
  /** Which members the action is offered for (by status and what the row knows). */
  appliesTo(member: MemberRow): boolean;
  initialValues(member: MemberRow | undefined): V;
  /** The job item: the action's parameters as preload/contract/member-actions.ts defines them. */
  toParams(values: V, member: MemberRow | undefined): unknown;
  Form: ComponentType<ActionFormProps<V>>;
  /** The dialog's description under the title; defaults to the member's name and email. */
  describe?(member: MemberRow | undefined): string;
  /** The button that runs the plan, when the label is not the right verb ("Send invite"). */
  runLabel?: string;
}
