import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { MemberRow } from '../../../../preload/contract.js';
import { useActionStore } from './action-store.js';
import { actionsFor, type AnyActionSpec } from './registry.js';

/** Marks the menu button in a directory row, so the grid can open it from the keyboard (Shift+F10, the Menu key). */
export const ROW_MENU_ATTR = 'data-action-menu';

interface ActionMenuProps {
  member: MemberRow;
  /** In a grid row the button stays out of the Tab order: the row has focus and opens the menu by key. */
  inRow?: boolean;
}

/**
 * "Actions for <name>": a menu button listing the actions that apply to the
 * member (WAI-ARIA menu button: arrows move, Enter or Space chooses, Escape
 * or Tab closes). Focus goes back to the row or the button on close, and
 * stays there while the chosen action's dialog is open, so closing it lands
 * there too.
 */
export function ActionMenu({ member, inRow = false }: ActionMenuProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const actions = actionsFor(member);
  if (actions.length === 0) return null;

  const returnTarget = () => (inRow ? (button.current?.closest<HTMLElement>('[role="row"]') ?? button.current) : button.current);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) returnTarget()?.focus();
  };
  const choose = (spec: AnyActionSpec) => {
    close(true);
    useActionStore.getState().open(spec, member);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={inRow ? 'button row-menu__button' : 'button'}
        tabIndex={inRow ? -1 : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={`Actions for ${member.name}`}
        {...{ [ROW_MENU_ATTR]: '' }}
        onClick={(e) => {
          // In a row, a click would otherwise also open the member's details.
          e.stopPropagation();
          setOpen((o) => !o);
        }}
      >
        {inRow ? <span aria-hidden="true">⋯</span> : 'Actions'}
      </button>
      {open && createPortal(<MenuList id={`${id}-menu`} anchor={button.current} label={`Actions for ${member.name}`} actions={actions} onChoose={choose} onClose={close} />, document.body)}
    </>
  );
}

interface MenuListProps {
  id: string;
  anchor: HTMLElement | null;
  label: string;
  actions: ReadonlyArray<AnyActionSpec>;
  onChoose(spec: AnyActionSpec): void;
  onClose(refocus: boolean): void;
}

function MenuList({ id, anchor, label, actions, onChoose, onClose }: MenuListProps) {
  const menu = useRef<HTMLUListElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // Under the button, kept inside the window (it may sit at the right edge of a row).
  useLayoutEffect(() => {
    const box = anchor?.getBoundingClientRect();
    const el = menu.current;
    if (!box || !el) return;
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    const below = box.bottom + 4;
    const top = below + height > window.innerHeight ? Math.max(4, box.top - height - 4) : below;
    setPosition({ top, left: Math.max(4, Math.min(box.right - width, window.innerWidth - width - 4)) });
  }, [anchor]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    // The menu is portalled, but React still bubbles its events to the row and the grid: they stop here.
    e.stopPropagation();
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      onClose(true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      // Type-ahead: the next item starting with the letter typed.
      const next = [...list.slice(at + 1), ...list.slice(0, at + 1)].find((el) => el.textContent?.trim().toLowerCase().startsWith(e.key.toLowerCase()));
      next?.focus();
    }
  };

  return (
    <ul
      ref={menu}
      id={id}
      role="menu"
      aria-label={label}
      className="menu"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onClick={stop}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onClose(false);
      }}
    >
      {actions.map((spec) => (
        <li
          key={spec.kind}
          role="menuitem"
          tabIndex={-1}
          className={spec.destructive ? 'menu__item menu__item--danger' : 'menu__item'}
          onClick={() => onChoose(spec)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onChoose(spec);
            }
          }}
        >
          {spec.label}…
        </li>
      ))}
    </ul>
  );
}

function stop(e: ReactMouseEvent): void {
  e.stopPropagation();
}
