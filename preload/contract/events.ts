import type { ConnectionEvent } from './connections.js';
import type { DirectoryEvent } from './directory.js';
import type { JobEvent } from './jobs.js';

/** Every event main pushes, each capability's union joined. */
export type AppEvent = ConnectionEvent | DirectoryEvent | JobEvent;

/**
 * An event as a transport delivers it: numbered in the order main emitted it.
 * A number skipped means an event was lost; the renderer then re-reads what
 * it shows instead of trusting what it has.
 */
export type SequencedEvent = AppEvent & { seq: number };
