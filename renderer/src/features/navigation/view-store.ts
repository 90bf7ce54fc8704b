import { create } from 'zustand';

export const VIEWS = ['members', 'jobs', 'audit'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<View, string> = {
  members: 'Members',
  jobs: 'Jobs',
  audit: 'Audit log',
};

/** Each view's heading: where focus goes when the view is switched to. */
export const VIEW_HEADINGS: Record<View, string> = {
  members: 'directory-title',
  jobs: 'jobs-title',
  audit: 'audit-title',
};

interface ViewState {
  view: View;
  show(view: View): void;
}

/** Which of the app's views fills the window. */
export const useViewStore = create<ViewState>()((set) => ({
  view: 'members',
  show: (view) => set({ view }),
}));
