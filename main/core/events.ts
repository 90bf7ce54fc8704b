import type { AppEvent } from '../../preload/contract.js';

/** `seq` numbers the core's events in emit order, from 1: a transport passes it on so a receiver can see a gap. */
export type EventListener = (event: AppEvent, seq: number) => void;

/** What the core offers the transports besides the Api. */
export interface CoreEvents {
  onEvent(listener: EventListener): () => void;
}

/** Says that a listener threw; by default on stderr, where a broken transport shows up in the app's log. */
export type ListenerErrorReport = (error: unknown, event: AppEvent) => void;

const reportOnStderr: ListenerErrorReport = (error, event) => {
  console.error(`Teamkeeper: a ${event.type} event listener failed and was removed:`, error);
};

/** Fan-out of AppEvents to the transports (IPC to the window, SSE to browser tabs). */
export class EventHub implements CoreEvents {
  private listeners = new Set<EventListener>();
  private seq = 0;

  constructor(private readonly report: ListenerErrorReport = reportOnStderr) {}

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    const seq = ++this.seq;
    for (const l of this.listeners) {
      // One broken transport must not stop the others or the sync that emitted;
      // it is dropped (it would fail again) and said, not swallowed.
      try {
        l(event, seq);
      } catch (err) {
        this.listeners.delete(l);
        this.report(err, event);
      }
    }
  }
}
