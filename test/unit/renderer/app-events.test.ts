import { describe, expect, it } from 'vitest';
import type { AppEvent, SequencedEvent, TeamkeeperBridge } from '../../../preload/contract.js';
import { announce, connectAppEvents, registerEventClient, type StoreEvent } from '../../../renderer/src/app-events.js';
import { EventSequence } from '../../../renderer/src/event-sequence.js';

describe('EventSequence', () => {
  it('accepts consecutive numbers, starting anywhere', () => {
    const s = new EventSequence();
    expect([5, 6, 7].map((n) => s.follows(n))).toEqual([true, true, true]);
  });

  it('flags a skipped number once, then follows again from there', () => {
    const s = new EventSequence();
    expect([1, 2, 4, 5].map((n) => s.follows(n))).toEqual([true, true, false, true]);
  });

  it('flags a number going back (main started again)', () => {
    const s = new EventSequence();
    expect([7, 8, 1, 2].map((n) => s.follows(n))).toEqual([true, true, false, true]);
  });

  it('starts a fresh count after a restart', () => {
    const s = new EventSequence();
    s.follows(3);
    s.restart();
    expect(s.follows(10)).toBe(true);
  });
});

/** A bridge whose stream the test drives: numbered events in, reconnects on demand. */
function fakeBridge() {
  let deliver: ((e: SequencedEvent) => void) | undefined;
  let reconnected: (() => void) | undefined;
  const bridge: Pick<TeamkeeperBridge, 'onEvent'> = {
    onEvent(listener, onReconnect) {
      deliver = listener;
      reconnected = onReconnect;
      return () => {
        deliver = undefined;
      };
    },
  };
  const event = (loaded: number): AppEvent => ({ type: 'directory.sync', connectionId: 'sandbox', phase: 'progress', loaded });
  return { bridge, send: (seq: number, loaded = seq) => deliver?.({ ...event(loaded), seq }), reconnect: () => reconnected?.() };
}

function recorder(name: string) {
  const seen: StoreEvent[] = [];
  let resyncs = 0;
  registerEventClient({ name, handleEvent: (e) => seen.push(e), resync: () => resyncs++, state: () => ({ seen }) });
  return { seen, resyncs: () => resyncs };
}

describe('connectAppEvents', () => {
  it('hands every event to every registered store, and asks none to re-read while numbers follow', () => {
    const a = recorder('a');
    const b = recorder('b');
    const { bridge, send } = fakeBridge();
    const off = connectAppEvents(bridge);
    send(1);
    send(2);
    expect(a.seen.map((e) => e.type === 'directory.sync' && e.loaded)).toEqual([1, 2]);
    expect(b.seen).toHaveLength(2);
    expect([a.resyncs(), b.resyncs()]).toEqual([0, 0]);
    off();
  });

  it('makes every store re-read after a gap, once, and after a reconnect of the stream', () => {
    const a = recorder('a');
    const { bridge, send, reconnect } = fakeBridge();
    const off = connectAppEvents(bridge);
    send(1);
    send(3);
    expect(a.resyncs()).toBe(1);
    // The event after the gap is still delivered: stores use what they can of it.
    expect(a.seen.map((e) => e.type === 'directory.sync' && e.loaded)).toEqual([1, 3]);
    send(4);
    expect(a.resyncs()).toBe(1);
    reconnect();
    expect(a.resyncs()).toBe(2);
    // After a reconnect the count starts afresh: no second re-read for the first number seen.
    send(9);
    expect(a.resyncs()).toBe(2);
    off();
  });

  it('reports a store that throws and still serves the others', () => {
    const failures: string[] = [];
    registerEventClient({
      name: 'broken',
      handleEvent: () => {
        throw new Error('boom');
      },
      state: () => null,
    });
    const ok = recorder('ok');
    const { bridge, send } = fakeBridge();
    const off = connectAppEvents(bridge, (client, error) => failures.push(`${client}: ${(error as Error).message}`));
    send(1);
    announce({ type: 'renderer.team-usable' });
    expect(failures).toEqual(['broken: boom', 'broken: boom']);
    expect(ok.seen.map((e) => e.type)).toEqual(['directory.sync', 'renderer.team-usable']);
    off();
    registerEventClient({ name: 'broken', state: () => null });
  });
});
