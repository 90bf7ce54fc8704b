import { create } from 'zustand';
import type { MemberRow } from '../../../../preload/contract.js';
import type { MemberActionSpec } from './action-spec.js';

/** The one action dialog's subject: which action, on whom. Any entry point (row menu, sheet, toolbar) opens it here. */
export interface OpenAction {
  spec: MemberActionSpec<unknown>;
  member: MemberRow | undefined;
  /** Counts openings, so the dialog starts afresh even for the same action on the same member. */
  opening: number;
}

interface ActionState {
  current: OpenAction | null;
  open<V>(spec: MemberActionSpec<V>, member: MemberRow | undefined): void;
  close(): void;
}

let openings = 0;

export const useActionStore = create<ActionState>()((set) => ({
  current: null,
  open: (spec, member) => set({ current: { spec: spec as MemberActionSpec<unknown>, member, opening: ++openings } }),
  close: () => set({ current: null }),
}));
