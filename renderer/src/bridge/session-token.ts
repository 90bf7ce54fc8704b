const STORAGE_KEY = 'teamkeeper.token';

export interface TokenSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The browser host hands the per-run token over in the URL fragment
 * (#token=…). Take it out of the address bar at once so it does not linger in
 * history or screenshots; keep it in sessionStorage so a reload of this tab
 * still works (a new tab needs the printed URL again).
 */
export function takeSessionToken({ location, history, storage }: TokenSources): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  return storage.getItem(STORAGE_KEY);
}
