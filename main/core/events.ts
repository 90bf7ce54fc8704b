import type { AppEvent } from '../../preload/contract.js';

export type EventListener = (event: AppEvent) => void;

/** Fan-out of AppEvents to the transports (IPC to the window, SSE to browser tabs). */
export class EventHub {
  private listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) {
      // One broken transport must not stop the others or the sync that emitted.
      try {
        l(event);
      } catch {
        this.listeners.delete(l);
      }
    }
  }
}
