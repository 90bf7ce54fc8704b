import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../preload/contract.js';
import { prepareDirectory } from '../../../renderer/src/features/directory/prepare-members.js';
import { CSV_COLUMN_LABELS, CSV_PRESETS, planExport, presetById } from '../../../renderer/src/features/reports/csv-presets.js';
import { memberRow, snapshotOf } from './member-fixtures.js';

const team = prepareDirectory(
  snapshotOf([
    memberRow({ name: 'Sam Admin', roleIds: ['pid_dbtmr:team_admin'] }),
    memberRow({ name: 'Ivy Invite', status: 'invited' }),
    memberRow({ name: 'Sue Suspended', status: 'suspended' }),
    memberRow({ name: 'Rex Removed', status: 'removed', roleIds: ['pid_dbtmr:user_admin'] }),
    memberRow({ name: 'Ann Active' }),
  ]),
).members;
const ids = (...i: number[]) => i.map((n) => team[n].row.id);
const base = { shown: team, team, includeRemoved: false, selected: new Set<string>(), columns: presetById('member_report').columns };

describe('CSV presets', () => {
  it('give every column its own header and no preset a column twice', () => {
    // The types already make every column labelled and every preset column known; what they cannot see:
    // two columns under one header (a spreadsheet could not tell them apart) or a column exported twice.
    const labels = CSV_COLUMNS.map((c) => CSV_COLUMN_LABELS[c].trim().toLowerCase());
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(CSV_COLUMNS.length);
    for (const p of CSV_PRESETS) expect(new Set(p.columns).size, p.id).toBe(p.columns.length);
    expect(CSV_PRESETS.map((p) => p.id)).toEqual(['member_report', 'pending_invites', 'suspended', 'admins']);
  });

  it('keep only the rows each report is about', () => {
    const kept = (id: Parameters<typeof presetById>[0]) => team.filter((m) => presetById(id).keeps?.(m.row) ?? true).map((m) => m.row.name);
    expect(kept('member_report')).toHaveLength(5);
    expect(kept('pending_invites')).toEqual(['Ivy Invite']);
    expect(kept('suspended')).toEqual(['Sue Suspended']);
    expect(kept('admins')).toEqual(['Sam Admin']);
  });
});

describe('planExport', () => {
  it('asks for the whole team as "team" when no preset narrows it', () => {
    const plan = planExport({ ...base, scope: 'team', preset: presetById('member_report') });
    expect(plan.arg.scope).toEqual({ kind: 'team', includeRemoved: false });
    expect(plan.rows).toBe(5);
    expect(planExport({ ...base, includeRemoved: true, scope: 'team', preset: presetById('member_report') }).arg.scope).toEqual({ kind: 'team', includeRemoved: true });
  });

  it('sends the current view as exact ids in on-screen order', () => {
    const shown = [team[4], team[0]];
    const plan = planExport({ ...base, shown, scope: 'view', preset: presetById('member_report') });
    expect(plan.arg.scope).toEqual({ kind: 'members', ids: ids(4, 0) });
    expect(plan.rows).toBe(2);
  });

  it('applies a preset filter on top of the scope', () => {
    expect(planExport({ ...base, scope: 'team', preset: presetById('pending_invites') }).arg.scope).toEqual({ kind: 'members', ids: ids(1) });
    const shown = [team[0], team[1]];
    const plan = planExport({ ...base, shown, scope: 'view', preset: presetById('suspended') });
    expect(plan).toMatchObject({ rows: 0, arg: { scope: { kind: 'members', ids: [] } } });
  });

  it('exports the selection in team order', () => {
    const plan = planExport({ ...base, scope: 'selected', selected: new Set(ids(3, 1)), preset: presetById('member_report') });
    expect(plan.arg.scope).toEqual({ kind: 'members', ids: ids(1, 3) });
  });

  it('keeps the standard column order whatever order they were ticked in', () => {
    const plan = planExport({ ...base, columns: ['external_id', 'email', 'name'], scope: 'team', preset: presetById('admins') });
    expect(plan.arg.columns).toEqual(['name', 'email', 'external_id']);
    expect(plan.arg.preset).toBe('admins');
  });
});
