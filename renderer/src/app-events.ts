import type { AppEvent, ConnectionSummary, SequencedEvent, TeamkeeperBridge } from '../../preload/contract.js';
import { EventSequence } from './event-sequence.js';

/** What the renderer's own modules announce to each other, instead of calling each other's stores. */
export type RendererEvent =
  /** The connection shown changed (`changed`: another team) or was confirmed. */
  | { type: 'renderer.team-shown'; connection: ConnectionSummary; changed: boolean }
  /** The team shown can be reached again (back online, signed in again). */
  | { type: 'renderer.team-usable' }
  /** The connect dialog finished: a team was added or signed in again. */
  | { type: 'renderer.team-connected'; connection: ConnectionSummary };

export type StoreEvent = AppEvent | RendererEvent;

/** A store that wants events: it handles the ones it cares about and re-reads what it shows when told to. */
export interface EventClient {
  name: string;
  handleEvent?(event: StoreEvent): void;
  /** Events were lost (a gap in the numbers, or the stream reconnected): read the state again. */
  resync?(): void;
  /** Everything the store holds, for the inspect hook. */
  state(): unknown;
}

const clients = new Map<string, EventClient>();

/** Says a store failed on an event, without stopping the others. */
export type FailureReport = (client: string, error: unknown) => void;

let report: FailureReport = (client, error) => console.error(`Teamkeeper: the ${client} store failed on an event:`, error);

function each(run: (client: EventClient) => void): void {
  for (const client of clients.values()) {
    try {
      run(client);
    } catch (err) {
      report(client.name, err);
    }
  }
}

/** Stores register themselves when their module loads; registering a name again replaces it (hot reload). */
export function registerEventClient(client: EventClient): void {
  clients.set(client.name, client);
}

/** The renderer's own announcements reach every store at once, in this order. */
export function announce(event: RendererEvent): void {
  each((c) => c.handleEvent?.(event));
}

/** Every registered store re-reads what it shows. */
export function resyncAll(): void {
  each((c) => c.resync?.());
}

/**
 * The one subscription to main's events: each goes to every registered store;
 * a number out of sequence, or a reconnected stream, makes every store re-read.
 */
export function connectAppEvents(bridge: Pick<TeamkeeperBridge, 'onEvent'>, failures?: FailureReport): () => void {
  if (failures) report = failures;
  const sequence = new EventSequence();
  return bridge.onEvent(
    (event: SequencedEvent) => {
      const inOrder = sequence.follows(event.seq);
      each((c) => c.handleEvent?.(event));
      if (!inOrder) resyncAll();
    },
    () => {
      sequence.restart();
      resyncAll();
    },
  );
}

/** Every registered store's state, by name (the inspect hook reads them). */
export function registeredClients(): ReadonlyMap<string, EventClient> {
  return clients;
}
