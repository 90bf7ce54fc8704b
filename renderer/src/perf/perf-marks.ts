/**
 * User Timing marks for the two budgets that matter at 50,000 members
 * (snapshot → first table paint, search keystroke → table updated). The
 * benchmark reads them through the test build's hook (perf-hook.ts); nothing
 * in the app does.
 */
const SNAPSHOT_RECEIVED = 'tk:snapshot-received';
export const SNAPSHOT_TO_PAINT = 'tk:snapshot-to-paint';
export const KEYSTROKE_TO_COMMIT = 'tk:keystroke-to-commit';
export const KEYSTROKE_TO_PAINT = 'tk:keystroke-to-paint';

let snapshotPending = false;
let keystrokeStart: number | null = null;

export function markSnapshotReceived(): void {
  performance.mark(SNAPSHOT_RECEIVED);
  snapshotPending = true;
}

/** What was received changed nothing on screen: no table commit follows, so the next paint ends the measure. */
export function markUnchangedTable(): void {
  if (!snapshotPending) return;
  snapshotPending = false;
  afterNextPaint(() => performance.measure(SNAPSHOT_TO_PAINT, SNAPSHOT_RECEIVED));
}

/** The input event's own timestamp, so queueing before the handler counts too. */
export function markKeystroke(eventTimeStamp: number): void {
  keystrokeStart = eventTimeStamp;
}

/** Called from the table's layout effect, i.e. once React has committed the rows. */
export function tableCommitted(): void {
  if (keystrokeStart !== null) {
    const start = keystrokeStart;
    keystrokeStart = null;
    performance.measure(KEYSTROKE_TO_COMMIT, { start, end: performance.now() });
    afterNextPaint(() => performance.measure(KEYSTROKE_TO_PAINT, { start, end: performance.now() }));
  }
  if (snapshotPending) {
    snapshotPending = false;
    afterNextPaint(() => performance.measure(SNAPSHOT_TO_PAINT, SNAPSHOT_RECEIVED));
  }
}

/** rAF runs just before the frame is painted; a message posted from it runs just after. */
function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(null);
  });
}
