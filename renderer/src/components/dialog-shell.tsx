import { useLayoutEffect, useRef, type ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';

export interface DialogShellProps {
  open: boolean;
  /** Escape, the overlay, or a Close button. */
  onClose(): void;
  /** Omitted only when the body places its own DialogTitle (a sheet with a header layout). */
  title?: ReactNode;
  /** Read with the title when the dialog opens; omit only when the body says it all. */
  description?: ReactNode;
  /** 'alertdialog' for a confirmation that interrupts (a destructive choice). */
  role?: 'dialog' | 'alertdialog';
  /** Extra classes on the dialog box ('dialog--wide', 'dialog--connect', 'sheet'). */
  className?: string;
  overlayClassName?: string;
  titleClassName?: string;
  /**
   * Where focus goes when the element that opened the dialog is gone by the
   * time it closes (a menu item in a panel that closed, a row filtered out).
   */
  fallbackFocus?: () => HTMLElement | null | undefined;
  /**
   * Where focus starts, instead of the first control: a long sheet starts at
   * its title, so that it is read from the top and Enter presses nothing.
   */
  initialFocus?: () => HTMLElement | null | undefined;
  /** Refuse to close (a change is being sent: its outcome must be seen). */
  busy?: boolean;
  children: ReactNode;
}

/**
 * The one modal dialog of the app (Radix: focus trap, Escape, aria-modal).
 * It remembers what had focus when it opened and returns focus there on
 * close, or to `fallbackFocus` when that element has left the page, so
 * focus never drops to the document body.
 */
export function DialogShell({
  open,
  onClose,
  title,
  description,
  role = 'dialog',
  className = 'dialog',
  overlayClassName = 'dialog-overlay',
  titleClassName = 'dialog__title',
  fallbackFocus,
  initialFocus,
  busy = false,
  children,
}: DialogShellProps) {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before Radix's own focus handling moves focus into the dialog.
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
  }, [open]);

  const restoreFocus = (event: Event) => {
    event.preventDefault();
    const target = opener.current;
    opener.current = null;
    // The opener may re-render after the close (a panel closing, a row moving): look once it has settled.
    requestAnimationFrame(() => {
      if (target?.isConnected && isShown(target)) target.focus({ preventScroll: false });
      else fallbackFocus?.()?.focus();
    });
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClassName} />
        <Dialog.Content
          className={className}
          role={role}
          onCloseAutoFocus={restoreFocus}
          onOpenAutoFocus={(event) => {
            const target = initialFocus?.();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
        >
          {title !== undefined && <Dialog.Title className={titleClassName}>{title}</Dialog.Title>}
          {description !== undefined && <Dialog.Description className="dialog__description">{description}</Dialog.Description>}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function isShown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && !el.closest('[hidden], [inert]');
}

/** A button that closes the surrounding DialogShell. */
export const DialogClose = Dialog.Close;
/** The dialog's name, for a body that lays out its own header. */
export const DialogTitle = Dialog.Title;
