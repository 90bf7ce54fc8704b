import { create } from 'zustand';
import type { AppErrorInfo, ConnectAttempt, ConnectGuide, ConnectionSummary, ConnectMode } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { announce, registerEventClient, type StoreEvent } from '../../app-events.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { connectionName } from './connection-names.js';
import { openConsentPage } from './open-consent-page.js';

export type { ConnectMode };

/** Where the connect dialog is: guide → app key → Dropbox in the browser → connected or failed. */
export type ConnectStep =
  | { kind: 'guide' }
  | { kind: 'form'; busy: boolean; error: AppErrorInfo | null }
  /** Loopback: Dropbox redirects to the app; a connect.result event ends it. */
  | { kind: 'waiting'; attempt: ConnectAttempt }
  | { kind: 'paste'; attempt: ConnectAttempt; busy: boolean; error: AppErrorInfo | null }
  | { kind: 'done'; connection: ConnectionSummary }
  | { kind: 'failed'; error: AppErrorInfo };

interface ConnectState {
  open: boolean;
  /** Signing in to this existing connection again instead of adding a team. */
  reconnect: { connectionId: string; name: string } | null;
  guide: ConnectGuide | null;
  guideError: AppErrorInfo | null;
  appKey: string;
  mode: ConnectMode;
  step: ConnectStep;

  openNew(): void;
  openReconnect(connection: ConnectionSummary): void;
  /** Closing the dialog abandons an attempt still waiting for Dropbox. */
  close(): void;
  setAppKey(appKey: string): void;
  setMode(mode: ConnectMode): void;
  showForm(): void;
  start(): Promise<void>;
  submitCode(code: string): Promise<void>;
  /** Back to the app key, abandoning the running attempt. */
  cancelAttempt(): void;
  handleEvent(event: StoreEvent): void;
}

function pendingAttempt(step: ConnectStep): ConnectAttempt | undefined {
  return step.kind === 'waiting' || step.kind === 'paste' ? step.attempt : undefined;
}

export const useConnectStore = create<ConnectState>()((set, get) => {
  function abandon(): void {
    const attempt = pendingAttempt(get().step);
    // Main forgets the attempt and stops its listener; nothing to tell the admin if that fails.
    if (attempt) void api.cancelConnect({ attemptId: attempt.attemptId }).catch(() => undefined);
  }

  async function loadGuide(): Promise<void> {
    if (get().guide) return;
    try {
      set({ guide: await api.getConnectGuide(), guideError: null });
    } catch (err) {
      set({ guideError: toAppErrorInfo(err) });
    }
  }

  function connected(connection: ConnectionSummary): void {
    set({ step: { kind: 'done', connection } });
    announce({ type: 'renderer.team-connected', connection });
  }

  return {
    open: false,
    reconnect: null,
    guide: null,
    guideError: null,
    appKey: '',
    mode: 'loopback',
    step: { kind: 'guide' },

    openNew() {
      set({ open: true, reconnect: null, step: { kind: 'guide' } });
      void loadGuide();
    },
    openReconnect(connection) {
      set({
        open: true,
        reconnect: { connectionId: connection.id, name: connectionName(connection) },
        appKey: '',
        step: { kind: 'form', busy: false, error: null },
      });
      void loadGuide();
    },
    close() {
      abandon();
      set({ open: false, step: { kind: 'guide' } });
    },
    setAppKey: (appKey) => set({ appKey }),
    setMode: (mode) => set({ mode }),
    showForm: () => set({ step: { kind: 'form', busy: false, error: null } }),

    async start() {
      const { appKey, mode, reconnect, step } = get();
      if (step.kind === 'form' && step.busy) return;
      set({ step: { kind: 'form', busy: true, error: null } });
      let attempt: ConnectAttempt;
      try {
        attempt = await api.startConnect({ appKey, mode, ...(reconnect ? { connectionId: reconnect.connectionId } : {}) });
      } catch (err) {
        set({ step: { kind: 'form', busy: false, error: toAppErrorInfo(err) } });
        return;
      }
      if (!get().open) {
        void api.cancelConnect({ attemptId: attempt.attemptId }).catch(() => undefined);
        return;
      }
      if (!attempt.opened) openConsentPage(attempt.authorizeUrl);
      set({ step: attempt.mode === 'loopback' ? { kind: 'waiting', attempt } : { kind: 'paste', attempt, busy: false, error: null } });
    },

    async submitCode(code) {
      const step = get().step;
      if (step.kind !== 'paste' || step.busy) return;
      set({ step: { ...step, busy: true, error: null } });
      try {
        const connection = await api.completeConnect({ attemptId: step.attempt.attemptId, code });
        if (get().step.kind === 'paste') connected(connection);
      } catch (err) {
        const now = get().step;
        if (now.kind === 'paste' && now.attempt.attemptId === step.attempt.attemptId) {
          set({ step: { ...now, busy: false, error: toAppErrorInfo(err) } });
        }
      }
    },

    cancelAttempt() {
      abandon();
      set({ step: { kind: 'form', busy: false, error: null } });
    },

    handleEvent(event) {
      if (event.type !== 'connect.result') return;
      const attempt = pendingAttempt(get().step);
      if (attempt?.attemptId !== event.attemptId) return;
      if (event.ok) connected(event.connection);
      else set({ step: { kind: 'failed', error: event.error } });
    },
  };
});

// A connect attempt lives in this dialog only: after lost events there is nothing main could tell it again.
registerEventClient({ name: 'connect', handleEvent: (event) => useConnectStore.getState().handleEvent(event), state: () => useConnectStore.getState() });
