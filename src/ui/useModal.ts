// A modal dialog's focus rules (WAI-ARIA dialog pattern): focus moves into the dialog when it
// opens, Tab and Shift+Tab cycle inside it, Escape closes it, and focus returns to the element
// that opened it; the page's shortcuts wait meanwhile. The help overlay and the share dialog use it.
import { useEffect, useRef } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/** The focusable elements inside `root`, in Tab order (visible ones only). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
}

/** Traps focus in the returned ref's element while `open`; `onClose` runs on Escape. */
export function useModal<E extends HTMLElement>(open: boolean, onClose: () => void) {
  const ref = useRef<E>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    (root?.querySelector<HTMLElement>('[data-autofocus]') ?? (root ? focusables(root)[0] : null))?.focus();
    const onKey = (e: KeyboardEvent) => {
      const el = ref.current;
      if (!el) return;
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeRef.current(); return; }
      // the page's shortcuts (a window listener after this capture one) wait while the dialog is open;
      // default actions (typing, a checkbox's Space) still happen
      if (e.key !== 'Tab') { e.stopPropagation(); return; }
      const items = focusables(el);
      if (items.length === 0) { e.preventDefault(); return; }
      const first = items[0], last = items[items.length - 1];
      const inside = el.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === first || !inside)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (document.activeElement === last || !inside)) { e.preventDefault(); first.focus(); }
    };
    // capture: the dialog sees Tab and Escape before the page's shortcuts (src/ui/keys.ts)
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);
  return ref;
}
