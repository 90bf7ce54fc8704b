import type { Connection } from '../auth/connection.js';
import type { Team } from './team.js';

/**
 * One Team per connection, made the first time it is needed. A connection
 * signed in again is a new Connection object with a new client, so it gets a
 * new Team: nothing of the old sign-in is reused. The old Team of that
 * connection id is closed first: two job engines must never run the same
 * journals at once.
 */
export class Teams {
  private readonly byConnection = new WeakMap<Connection, Promise<Team>>();
  private readonly latest = new Map<string, Promise<Team>>();

  constructor(private readonly make: (connection: Connection) => Team) {}

  of(connection: Connection): Promise<Team> {
    let team = this.byConnection.get(connection);
    if (!team) {
      const previous = this.latest.get(connection.id);
      const closed = previous ? previous.then((old) => old.close()).catch((err: unknown) => console.error('Teamkeeper: closing the previous sign-in of a team failed:', err)) : Promise.resolve();
      team = closed.then(() => this.make(connection));
      this.byConnection.set(connection, team);
      this.latest.set(connection.id, team);
    }
    return team;
  }

  /** The Team of each connection opened so far (the latest sign-in of each). */
  async open(): Promise<Team[]> {
    const teams = await Promise.allSettled([...this.latest.values()]);
    return teams.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
  }

  /**
   * The connection is being disconnected: its Team pauses its running jobs
   * and is forgotten. Connected again, the team gets a new Team, which lists
   * those jobs as paused, to resume.
   */
  async disconnect(connectionId: string): Promise<void> {
    const team = this.latest.get(connectionId);
    if (!team) return;
    this.latest.delete(connectionId);
    await team.then((t) => t.disconnecting()).catch((err: unknown) => console.error('Teamkeeper: pausing the jobs of a disconnected team failed:', err));
  }

  /** Closes every Team made (at shutdown). */
  async close(): Promise<void> {
    const teams = await Promise.allSettled([...this.latest.values()]);
    this.latest.clear();
    await Promise.all(teams.map((t) => (t.status === 'fulfilled' ? t.value.close() : undefined)));
  }
}
