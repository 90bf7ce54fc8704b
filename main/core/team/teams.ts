import type { Connection } from '../auth/connection.js';
import type { Team } from './team.js';

/**
 * One Team per connection, made the first time it is needed. A connection
 * signed in again is a new Connection object with a new client, so it gets a
 * new Team: nothing of the old sign-in is reused.
 */
export class Teams {
  private readonly byConnection = new WeakMap<Connection, Team>();

  constructor(private readonly make: (connection: Connection) => Team) {}

  of(connection: Connection): Team {
    let team = this.byConnection.get(connection);
    if (!team) this.byConnection.set(connection, (team = this.make(connection)));
    return team;
  }
}
