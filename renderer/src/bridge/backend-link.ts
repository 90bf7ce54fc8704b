import { create } from 'zustand';

/**
 * Whether this page still reaches Teamkeeper's back end (browser mode: the
 * loopback host). Lost when the host refuses the page's key or stops
 * answering for good; only a reload (or the address Teamkeeper printed at its
 * latest start) brings the page back. In Electron it never changes.
 */
export interface BackendLink {
  lost: boolean;
  /** What happened and how to recover, in a sentence or two. */
  message: string;
  markLost(reason: 'refused' | 'unreachable'): void;
}

const MESSAGES = {
  refused: "Teamkeeper no longer accepts this page's access key (it was restarted, or this page is from an earlier run). Reload the page; if that does not help, open the address Teamkeeper printed when it started.",
  unreachable: 'Teamkeeper is not answering: it may have been closed. If it is still running, reload the page; otherwise start it again and open the address it prints.',
} as const;

export const useBackendLink = create<BackendLink>()((set, get) => ({
  lost: false,
  message: '',
  markLost(reason) {
    if (!get().lost) set({ lost: true, message: MESSAGES[reason] });
  },
}));
