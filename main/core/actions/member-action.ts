import type { z } from 'zod';
import type { AdminIdentity, JobKind, JobTeam, PlannedItem, RunContext } from '../jobs/job-kind.js';
import type { ItemOutcome } from '../../../preload/contract/jobs.js';
import { normalKey, readMembers, refOf, type MemberInfo } from './member-reads.js';

/** What the rules found for one item. */
export interface Decision {
  /** Set when the member is already as wanted. */
  skip?: string;
  /** Blocking problems, one sentence each. */
  problems: string[];
  calls: string[];
  consequences: string[];
}

export interface DecideArgs<P, C> {
  input: P;
  info: MemberInfo;
  admin: AdminIdentity;
  /** What prepare() read, shared by the items of one plan (rules may update it as items are planned). */
  context: C;
  /** Other members the item names (alsoRead), by key. */
  others: Map<string, MemberInfo>;
}

/** An action on one existing member per item; `member` is an email or a team_member_id. */
export interface MemberActionSpec<P extends { member: string }, C> {
  kind: string;
  label: string;
  irreversible: boolean;
  confirmByEmail: boolean;
  params: z.ZodType<P>;
  /** Members besides the one acted on that the rules must see (a transfer destination…). */
  alsoRead?(input: P): string[];
  /** Reads shared by every item of the plan (roles, admins, licences). */
  prepare?(team: JobTeam): Promise<C>;
  decide(args: DecideArgs<P, C>): Decision;
  run(ctx: RunContext, item: PlannedItem<P>): Promise<ItemOutcome>;
  verify(team: JobTeam, item: PlannedItem<P>): Promise<'applied' | 'not_applied'>;
  auditOptions(input: P): Record<string, unknown>;
}

export function memberAction<P extends { member: string }, C = undefined>(spec: MemberActionSpec<P, C>): JobKind<P> {
  return {
    kind: spec.kind,
    label: spec.label,
    irreversible: spec.irreversible,
    confirmByEmail: spec.confirmByEmail,
    params: spec.params,
    run: spec.run,
    verify: spec.verify,
    auditOptions: spec.auditOptions,
    async plan(team, items) {
      const keys = items.flatMap(({ input }) => [input.member, ...(spec.alsoRead?.(input) ?? [])]);
      const [admin, infos, context] = await Promise.all([team.admin(), readMembers(team.client, keys), spec.prepare ? spec.prepare(team) : Promise.resolve(undefined as C)]);
      return items.map(({ index, input }): PlannedItem<P> => {
        const info = infos.get(normalKey(input.member));
        if (!info) {
          return { index, input, status: 'blocked', calls: [], consequences: [], problems: [`No member ${input.member} is on this team.`], irreversible: spec.irreversible };
        }
        const d = spec.decide({ input, info, admin, context, others: infos });
        const status = d.problems.length ? 'blocked' : d.skip ? 'skip' : 'ready';
        return {
          index,
          input,
          member: refOf(info),
          status,
          calls: status === 'ready' ? d.calls : [],
          consequences: d.consequences,
          problems: d.problems,
          ...(status === 'skip' ? { skipReason: d.skip } : {}),
          irreversible: spec.irreversible,
        };
      });
    },
  };
}

/** A route error that means the member is already as wanted: the item is a skip, not a failure. */
export function skipOnTag(err: unknown, tags: Record<string, string>): ItemOutcome | undefined {
  const tag = (err as { dropboxTag?: unknown } | undefined)?.dropboxTag;
  return typeof tag === 'string' && tag in tags ? { outcome: 'skipped', reason: tags[tag] } : undefined;
}

/** Re-reads the member an item acts on, for verify(). */
export async function reread(team: JobTeam, item: PlannedItem<{ member: string }>): Promise<MemberInfo | undefined> {
  const id = item.member?.id ?? item.input.member;
  return (await readMembers(team.client, [id])).get(normalKey(id));
}
