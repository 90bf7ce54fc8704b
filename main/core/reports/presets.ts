import type { CsvPreset } from '../../../preload/contract.js';
import { presetById } from '../../../preload/csv-report.js';

/** "member-report-2026-01-31.csv": preset, then the local date of the export. */
export function exportFileName(preset: CsvPreset | undefined, now: Date): string {
  const stem = preset ? presetById(preset).fileStem : 'members';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
