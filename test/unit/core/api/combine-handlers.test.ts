import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../../preload/contract.js';
import { auditHandlers } from '../../../../main/core/api/audit.js';
import { connectionsHandlers } from '../../../../main/core/api/connections.js';
import { directoryHandlers } from '../../../../main/core/api/directory.js';
import { jobsHandlers } from '../../../../main/core/api/jobs.js';
import { reportsHandlers } from '../../../../main/core/api/reports.js';
import { combineHandlers } from '../../../../main/core/service.js';

const never = () => Promise.reject(new Error('not called in this test'));

describe('combineHandlers', () => {
  it('refuses two handler objects that define the same method', () => {
    const a = { getDirectory: never, listConnections: never };
    const b = { exportMembersCsv: never, getDirectory: never };
    expect(() => combineHandlers(a, b)).toThrow(/getDirectory/);
  });

  it('joins the capabilities into exactly the methods of the contract', () => {
    const deps = {} as Parameters<typeof connectionsHandlers>[0];
    const api = combineHandlers(
      connectionsHandlers(deps),
      directoryHandlers(never),
      reportsHandlers({ activeTeam: never, exportSink: { deliver: never }, now: () => new Date() }),
      jobsHandlers({ activeTeam: never, openTeams: never, exportSink: { deliver: never } }),
      auditHandlers({ activeTeam: never, exportSink: { deliver: never }, now: () => new Date() }),
    );
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(typeof api[m], m).toBe('function');
  });
});
