import type { SortKey } from './sort-members.js';

export interface DirectoryColumn {
  key: SortKey;
  label: string;
}

/** The table's data columns after the selection column, in order. */
export const DIRECTORY_COLUMNS: readonly DirectoryColumn[] = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'status', label: 'Status' },
  { key: 'role', label: 'Role' },
  { key: 'groups', label: 'Groups' },
  { key: 'since', label: 'Joined / invited' },
  { key: 'externalId', label: 'External ID' },
];

export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
