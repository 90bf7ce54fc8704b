import { describe, expect, it } from 'vitest';
import { API_METHODS, CONNECT_MODES, CSV_COLUMNS, CSV_PRESET_IDS, type CsvPreset } from '../../../preload/contract.js';
import { CSV_PRESETS } from '../../../preload/csv-report.js';
import { parseCall } from '../../../main/core/rpc.js';

/** Each const list is the single source of its type and its schema: a value added to it works on both sides. */
describe('contract slices', () => {
  it('accept at runtime every preset the CsvPreset type allows, and each has a definition', () => {
    for (const preset of CSV_PRESET_IDS) {
      const call = parseCall('exportMembersCsv', { scope: { kind: 'team' }, columns: ['email'], preset });
      expect(call, preset).toMatchObject({ ok: true, arg: { preset } });
    }
    expect(CSV_PRESETS.map((p) => p.id).sort()).toEqual([...CSV_PRESET_IDS].sort());
  });

  it('accept every column and connect mode their types allow', () => {
    expect(parseCall('exportMembersCsv', { scope: { kind: 'team' }, columns: [...CSV_COLUMNS] }).ok).toBe(true);
    for (const mode of CONNECT_MODES) expect(parseCall('startConnect', { appKey: 'abc123', mode }).ok, mode).toBe(true);
  });

  it('refuse at runtime a preset the type does not allow', () => {
    const notAPreset = 'everyone' as string;
    expect((CSV_PRESET_IDS as readonly string[]).includes(notAPreset)).toBe(false);
    expect(parseCall('exportMembersCsv', { scope: { kind: 'team' }, columns: ['email'], preset: notAPreset as CsvPreset }).ok).toBe(false);
  });

  it('list each method once', () => {
    expect(new Set(API_METHODS).size).toBe(API_METHODS.length);
  });
});
