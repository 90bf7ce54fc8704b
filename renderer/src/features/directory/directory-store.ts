import { create } from 'zustand';
import type { AppErrorInfo, AppEvent, DirectorySnapshot } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { ALL, filterMembers, NO_FILTER, refilterMembers, type MemberFilter } from './filter-members.js';
import { prepareDirectory, type PreparedDirectory, type PreparedMember } from './prepare-members.js';
import { DEFAULT_SORT, nextSort, sortMembers, type MemberSort, type SortKey } from './sort-members.js';
import { keepExisting, setShown, toggleOne, toggleRange, type Selection } from './selection.js';
import { markSnapshotReceived } from '../../perf/perf-marks.js';

export interface DirectoryState {
  directory: PreparedDirectory | null;
  /** The first load: the table cannot show anything until it succeeds. */
  status: 'loading' | 'ready' | 'error';
  /** Why the last load or refresh failed; with a directory on screen this is a banner, not a blank page. */
  error: AppErrorInfo | null;
  /** A sync is running (first load, refresh, include removed). */
  syncing: boolean;
  /** Members received so far by the running sync, from directory.sync events. */
  syncLoaded: number | null;
  includeRemoved: boolean;
  filter: MemberFilter;
  sort: MemberSort;
  /** The whole directory in the current sort order. */
  sorted: readonly PreparedMember[];
  /** The current view: sorted, then filtered. */
  shown: readonly PreparedMember[];
  selected: Selection;
  /** Last row whose checkbox was clicked: the start of a shift-click range. */
  anchorId: string | null;
  detailId: string | null;

  load(): Promise<void>;
  refresh(): Promise<void>;
  /** Another team is showing now: forget this one's rows, filters and selection, then load. */
  showTeam(): Promise<void>;
  /** The connection is usable again: retry a load that failed while it was not. */
  reloadIfFailed(): Promise<void>;
  setIncludeRemoved(include: boolean): Promise<void>;
  setFilter(patch: Partial<MemberFilter>): void;
  clearFilter(): void;
  sortBy(key: SortKey): void;
  toggleSelected(id: string, range: boolean): void;
  selectShown(select: boolean): void;
  clearSelection(): void;
  openDetail(id: string): void;
  closeDetail(): void;
  handleEvent(event: AppEvent): void;
}

/** Sorted copies per directory: flipping back to a sort already seen costs nothing. */
const sortCache = new WeakMap<PreparedDirectory, Map<string, PreparedMember[]>>();

function sortedFor(directory: PreparedDirectory, sort: MemberSort): PreparedMember[] {
  let cache = sortCache.get(directory);
  if (!cache) sortCache.set(directory, (cache = new Map()));
  const key = `${sort.key}:${sort.direction}`;
  let rows = cache.get(key);
  if (!rows) cache.set(key, (rows = sortMembers(directory.members, sort)));
  return rows;
}

/** Answers to older requests are dropped: the last click wins. */
let latestRequest = 0;

export const useDirectoryStore = create<DirectoryState>()((set, get) => {
  async function sync(fetchSnapshot: () => Promise<DirectorySnapshot>): Promise<void> {
    const request = ++latestRequest;
    set({ syncing: true, error: null, syncLoaded: null, ...(get().directory ? {} : { status: 'loading' as const }) });
    try {
      const snapshot = await fetchSnapshot();
      if (request !== latestRequest) return;
      markSnapshotReceived();
      receive(snapshot);
    } catch (err) {
      if (request !== latestRequest) return;
      set({ syncing: false, syncLoaded: null, error: toAppErrorInfo(err), status: get().directory ? 'ready' : 'error' });
    }
  }

  function receive(snapshot: DirectorySnapshot): void {
    const directory = prepareDirectory(snapshot);
    const { sort, selected, detailId } = get();
    // Removed members are gone from a snapshot without them: do not keep filtering on them.
    const current = get().filter;
    const filter: MemberFilter = !snapshot.includeRemoved && current.status === 'removed' ? { ...current, status: ALL } : current;
    const sorted = sortedFor(directory, sort);
    const exists = (id: string) => directory.byId.has(id);
    set({
      directory,
      status: 'ready',
      syncing: false,
      syncLoaded: null,
      includeRemoved: snapshot.includeRemoved,
      filter,
      sorted,
      shown: filterMembers(sorted, filter),
      selected: keepExisting(selected, exists),
      detailId: detailId !== null && exists(detailId) ? detailId : null,
    });
  }

  return {
    directory: null,
    status: 'loading',
    error: null,
    syncing: false,
    syncLoaded: null,
    includeRemoved: false,
    filter: NO_FILTER,
    sort: DEFAULT_SORT,
    sorted: [],
    shown: [],
    selected: new Set(),
    anchorId: null,
    detailId: null,

    load: () => sync(() => api.getDirectory({ includeRemoved: get().includeRemoved })),
    refresh: () => sync(() => api.refreshDirectory({ includeRemoved: get().includeRemoved })),
    showTeam() {
      set({
        directory: null,
        status: 'loading',
        error: null,
        includeRemoved: false,
        filter: NO_FILTER,
        sorted: [],
        shown: [],
        selected: new Set(),
        anchorId: null,
        detailId: null,
      });
      return sync(() => api.getDirectory({ includeRemoved: false }));
    },
    async reloadIfFailed() {
      if (get().error && !get().syncing) await get().load();
    },
    setIncludeRemoved(include) {
      set({ includeRemoved: include });
      return sync(() => api.getDirectory({ includeRemoved: include }));
    },

    setFilter(patch) {
      const { sorted, shown, filter: previous } = get();
      const filter = { ...previous, ...patch };
      set({ filter, shown: refilterMembers(sorted, { shown, filter: previous }, filter) });
    },
    clearFilter() {
      set({ filter: NO_FILTER, shown: filterMembers(get().sorted, NO_FILTER) });
    },
    sortBy(key) {
      const { directory, filter } = get();
      const sort = nextSort(get().sort, key);
      if (!directory) return set({ sort });
      const sorted = sortedFor(directory, sort);
      set({ sort, sorted, shown: filterMembers(sorted, filter) });
    },

    toggleSelected(id, range) {
      const { selected, shown, anchorId } = get();
      set({ selected: range ? toggleRange(selected, shown, anchorId, id) : toggleOne(selected, id), anchorId: id });
    },
    selectShown(select) {
      set({ selected: setShown(get().selected, get().shown, select) });
    },
    clearSelection() {
      set({ selected: new Set(), anchorId: null });
    },

    openDetail: (id) => set({ detailId: id }),
    closeDetail: () => set({ detailId: null }),

    handleEvent(event) {
      if (event.type !== 'directory.sync' || !get().syncing) return;
      if (event.phase === 'started' || event.phase === 'progress') set({ syncLoaded: event.loaded });
    },
  };
});
