import { create } from 'zustand';
import type { AppErrorInfo, DirectoryDelta, DirectoryUpdate } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { registerEventClient, type StoreEvent } from '../../app-events.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { applyDelta, narrowDelta } from './apply-delta.js';
import { ALL, filterMembers, NO_FILTER, refilterMembers, type MemberFilter } from './filter-members.js';
import { prepareDirectory, type PreparedDirectory, type PreparedMember } from './prepare-members.js';
import { DEFAULT_SORT, nextSort, sortMembers, type MemberSort, type SortKey } from './sort-members.js';
import { keepExisting, setShown, toggleOne, toggleRange, type Selection } from './selection.js';
import { markSnapshotReceived, markUnchangedTable } from '../../perf/perf-marks.js';

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
  handleEvent(event: StoreEvent): void;
}

/**
 * Sorted copies per member list: flipping back to a sort already seen costs
 * nothing, and a refresh that changed nothing keeps the list and its sorts.
 */
const sortCache = new WeakMap<readonly PreparedMember[], Map<string, PreparedMember[]>>();

function sortedFor(directory: PreparedDirectory, sort: MemberSort): PreparedMember[] {
  let cache = sortCache.get(directory.members);
  if (!cache) sortCache.set(directory.members, (cache = new Map()));
  const key = `${sort.key}:${sort.direction}`;
  let rows = cache.get(key);
  if (!rows) cache.set(key, (rows = sortMembers(directory.members, sort)));
  return rows;
}

/** Answers to older requests are dropped: the last click wins. */
let latestRequest = 0;
/** The page count waiting to be shown, and the request it belongs to. */
let pendingProgress: { loaded: number; request: number } | null = null;
let lastProgressShown = -Infinity;
/**
 * Ten counts a second: enough for the eye to see the pages come in, and each
 * one is a frame (layout, paint, composite) taken from the sync on a small machine.
 */
const PROGRESS_INTERVAL_MS = 100;
/** A delta that arrived for a version this copy did not have yet, while a request was out (answers and events travel apart). */
let heldDelta: DirectoryDelta | null = null;

export const useDirectoryStore = create<DirectoryState>()((set, get) => {
  async function sync(fetchUpdate: () => Promise<DirectoryUpdate>): Promise<void> {
    const request = ++latestRequest;
    set({ syncing: true, error: null, syncLoaded: null, ...(get().directory ? {} : { status: 'loading' as const }) });
    try {
      const update = await fetchUpdate();
      if (request !== latestRequest) return;
      if (update.kind === 'snapshot') {
        markSnapshotReceived();
        show(prepareDirectory(update.snapshot));
      } else {
        const outcome = receiveDelta(update.delta);
        // This copy is neither where the delta starts nor where it ends: read it whole.
        if (outcome === 'elsewhere') return await sync(snapshotOf(get().includeRemoved));
        // Its event got here first.
        if (outcome === 'already') set({ syncing: false, syncLoaded: null, status: 'ready' });
      }
      const held = heldDelta;
      heldDelta = null;
      if (held) receiveDelta(held);
    } catch (err) {
      if (request !== latestRequest) return;
      set({ syncing: false, syncLoaded: null, error: toAppErrorInfo(err), status: get().directory ? 'ready' : 'error' });
    }
  }

  /**
   * A sync sends a page count at most ten times a second. The count reaches
   * the store (and so the Refresh button) in an animation frame and at most
   * every PROGRESS_INTERVAL_MS: each shown count costs a render, a layout and
   * a paint that would otherwise compete with the sync for the CPU.
   */
  function showProgress(loaded: number): void {
    const scheduled = pendingProgress !== null;
    pendingProgress = { loaded, request: latestRequest };
    if (scheduled) return;
    if (typeof requestAnimationFrame !== 'function') return apply(performance.now());
    const wait = lastProgressShown + PROGRESS_INTERVAL_MS - performance.now();
    if (wait > 0) setTimeout(() => requestAnimationFrame(apply), wait);
    else requestAnimationFrame(apply);

    function apply(now: number): void {
      const pending = pendingProgress;
      pendingProgress = null;
      // A count from a sync that has since ended (or been superseded) is not shown.
      if (!pending || pending.request !== latestRequest || !get().syncing) return;
      lastProgressShown = now;
      set({ syncLoaded: pending.loaded });
    }
  }

  /** Applies a delta that starts at this copy's version. */
  function receiveDelta(fuller: DirectoryDelta): 'applied' | 'already' | 'elsewhere' {
    const directory = get().directory;
    if (!directory || directory.connectionId !== fuller.connectionId) return 'elsewhere';
    // Main may hold removed members while this copy leaves them out.
    const delta = fuller.includeRemoved && !directory.includeRemoved ? narrowDelta(fuller) : fuller;
    if (directory.version === delta.to) return 'already';
    if (directory.version !== delta.from) return 'elsewhere';
    markSnapshotReceived();
    show(applyDelta(directory, delta));
    return 'applied';
  }

  function show(directory: PreparedDirectory): void {
    const { sort, selected, detailId } = get();
    // Removed members are gone from a directory without them: do not keep filtering on them.
    const current = get().filter;
    const filter: MemberFilter = !directory.includeRemoved && current.status === 'removed' ? { ...current, status: ALL } : current;
    const sorted = sortedFor(directory, sort);
    const exists = (id: string) => directory.byId.has(id);
    // The same rows in the same order under the same filter: the table keeps what it shows.
    const unchanged = sorted === get().sorted && filter === current;
    if (unchanged) markUnchangedTable();
    set({
      directory,
      status: 'ready',
      syncing: false,
      syncLoaded: null,
      includeRemoved: directory.includeRemoved,
      filter,
      sorted,
      shown: unchanged ? get().shown : filterMembers(sorted, filter),
      selected: unchanged ? selected : keepExisting(selected, exists),
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

    load: () => sync(snapshotOf(get().includeRemoved)),
    refresh() {
      const { includeRemoved, directory } = get();
      const since = directory && directory.includeRemoved === includeRemoved ? directory.version : null;
      return sync(() => api.syncDirectory({ includeRemoved, since }));
    },
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
      return sync(snapshotOf(false));
    },
    async reloadIfFailed() {
      if (get().error && !get().syncing) await get().load();
    },
    setIncludeRemoved(include) {
      set({ includeRemoved: include });
      return sync(snapshotOf(include));
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
      switch (event.type) {
        case 'directory.sync':
          if (get().syncing && (event.phase === 'started' || event.phase === 'progress')) showProgress(event.loaded);
          return;
        case 'directory.delta':
          if (receiveDelta(event) !== 'elsewhere') return;
          // A request is out: its answer settles the version, and then this delta may apply.
          if (get().syncing) heldDelta = event;
          else if (get().directory) void get().load();
          return;
        case 'renderer.team-shown': {
          const shownTeam = get().directory?.connectionId;
          if (event.changed || (shownTeam !== undefined && shownTeam !== event.connection.id)) void get().showTeam();
          else void get().reloadIfFailed();
          return;
        }
        case 'renderer.team-usable':
          void get().reloadIfFailed();
          return;
      }
    },
  };
});

function snapshotOf(includeRemoved: boolean): () => Promise<DirectoryUpdate> {
  return async () => ({ kind: 'snapshot', snapshot: await api.getDirectory({ includeRemoved }) });
}

registerEventClient({
  name: 'directory',
  handleEvent: (event) => useDirectoryStore.getState().handleEvent(event),
  // Whatever was lost, the directory main holds now is the one to show.
  resync: () => void useDirectoryStore.getState().load(),
  state: () => useDirectoryStore.getState(),
});
