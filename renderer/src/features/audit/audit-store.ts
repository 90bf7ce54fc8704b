import { create } from 'zustand';
import type { AppErrorInfo, AuditPage } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { registerEventClient, type StoreEvent } from '../../app-events.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { throttle } from '../../throttle.js';
import { auditFilterOf, EMPTY_AUDIT_FORM, type AuditFilterForm } from './format-audit.js';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditState {
  form: AuditFilterForm;
  offset: number;
  page: AuditPage | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorInfo | null;
  /** What is wrong with the filter as typed; nothing is read until it is fixed. */
  problem: string | null;
  /** Bumps when jobs wrote to the log: whatever shows entries (the view, a member's history) reads again. */
  version: number;
  load(): Promise<void>;
  setForm(patch: Partial<AuditFilterForm>): void;
  clearForm(): void;
  setOffset(offset: number): void;
  handleEvent(event: StoreEvent): void;
}

let latestRead = 0;

export const useAuditStore = create<AuditState>()((set, get) => {
  // Every item a job finishes is a new entry: fold a running job's stream into a read twice a second at most.
  const written = throttle(() => set({ version: get().version + 1 }), 500);

  return {
    form: EMPTY_AUDIT_FORM,
    offset: 0,
    page: null,
    status: 'idle',
    error: null,
    problem: null,
    version: 0,

    async load() {
      const checked = auditFilterOf(get().form);
      if ('problem' in checked) return set({ problem: checked.problem });
      const read = ++latestRead;
      set({ problem: null, ...(get().page ? {} : { status: 'loading' as const }) });
      try {
        const page = await api.listAudit({ filter: checked.filter, offset: get().offset, limit: AUDIT_PAGE_SIZE });
        if (read !== latestRead) return;
        set({ page, status: 'ready', error: null });
      } catch (err) {
        if (read !== latestRead) return;
        set({ status: 'error', error: toAppErrorInfo(err) });
      }
    },
    setForm(patch) {
      set({ form: { ...get().form, ...patch }, offset: 0 });
      void get().load();
    },
    clearForm() {
      set({ form: EMPTY_AUDIT_FORM, offset: 0 });
      void get().load();
    },
    setOffset(offset) {
      set({ offset });
      void get().load();
    },

    handleEvent(event) {
      switch (event.type) {
        case 'job.item':
        case 'job.progress':
        case 'job.state':
          written();
          return;
        case 'renderer.team-shown':
          if (event.changed) {
            latestRead++;
            set({ form: EMPTY_AUDIT_FORM, offset: 0, page: null, status: 'idle', error: null, problem: null });
          }
          set({ version: get().version + 1 });
          return;
      }
    },
  };
});

registerEventClient({
  name: 'audit',
  handleEvent: (event) => useAuditStore.getState().handleEvent(event),
  resync: () => useAuditStore.setState((s) => ({ version: s.version + 1 })),
  state: () => useAuditStore.getState(),
});
