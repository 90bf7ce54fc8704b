import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../preload/contract.js';
import { EventHub } from '../../../main/core/events.js';

const event = (loaded: number): AppEvent => ({ type: 'directory.sync', connectionId: 'sandbox', phase: 'progress', loaded });

describe('EventHub', () => {
  it('numbers events in emit order, the same number for every listener', () => {
    const hub = new EventHub();
    const a: number[] = [];
    const b: number[] = [];
    hub.onEvent((_e, seq) => a.push(seq));
    hub.emit(event(1));
    hub.onEvent((_e, seq) => b.push(seq));
    hub.emit(event(2));
    hub.emit(event(3));
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([2, 3]);
  });

  it('reports a listener that throws, drops it, and still delivers to the others', () => {
    const reports: Array<{ error: unknown; type: string }> = [];
    const hub = new EventHub((error, e) => reports.push({ error, type: e.type }));
    const seen: number[] = [];
    hub.onEvent(() => {
      throw new Error('socket closed');
    });
    hub.onEvent((e) => seen.push(e.type === 'directory.sync' ? e.loaded : -1));
    hub.emit(event(1));
    hub.emit(event(2));
    expect(seen).toEqual([1, 2]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ type: 'directory.sync', error: expect.objectContaining({ message: 'socket closed' }) });
  });
});
