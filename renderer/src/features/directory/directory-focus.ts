/**
 * Where focus goes when the control that had it disappears or a skip link is
 * followed: places in the directory that always exist while it is shown.
 */

/** The member grid's row in the Tab order (roving tabindex), if the grid is showing rows. */
export function memberListRow(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="grid"] [role="row"][tabindex="0"]');
}

export const REFRESH_BUTTON_ID = 'directory-refresh';

export function refreshButton(): HTMLElement | null {
  return document.getElementById(REFRESH_BUTTON_ID);
}

export function directoryHeading(): HTMLElement | null {
  return document.getElementById('directory-title');
}

export function searchBox(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="search"] input[type="search"]');
}

/** The member list, or its heading when there are no rows to land on. */
export function focusMemberList(): void {
  const target = memberListRow() ?? directoryHeading();
  target?.focus();
}

/** After the element that had focus removed itself: once React has committed, focus `target`. */
export function focusAfterRender(target: () => HTMLElement | null): void {
  requestAnimationFrame(() => target()?.focus());
}
