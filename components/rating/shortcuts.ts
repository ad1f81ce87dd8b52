// The rating page's keyboard shortcuts: one deliberate press each, never while typing or in a dialog.
"use client";

import { useLayoutEffect, useRef } from "react";

// Never while typing (a tick box or a criterion's radio is not typing: keys still vote after a click on
// one) or in a dialog, nor with Ctrl, Alt or Meta (browser shortcuts); a held key's auto-repeat never.
function outsideTyping(event: KeyboardEvent): boolean {
  if (event.repeat || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input:not([type='checkbox']):not([type='radio']), textarea, select, [contenteditable='true'], dialog")) return false;
  return !document.querySelector("dialog[open]");
}

/**
 * The key an unshifted press stands for: its character, except that the digit row counts by physical
 * place (event.code), so layouts whose digits need Shift (AZERTY: "&" on the 1 key) vote with it too.
 */
export function shortcutKeyOf(event: Pick<KeyboardEvent, "key" | "code">): string {
  if (/^[0-9]$/.test(event.key)) return event.key;
  return /^Digit([0-9])$/.exec(event.code ?? "")?.[1] ?? event.key;
}

function useKeys(accept: (event: KeyboardEvent) => boolean, handle: (event: KeyboardEvent) => boolean) {
  const latest = useRef(handle);
  useLayoutEffect(() => {
    latest.current = handle;
  });
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (outsideTyping(event) && accept(event) && latest.current(event)) event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [accept]);
}

const unshifted = (event: KeyboardEvent) => !event.shiftKey;
const shifted = (event: KeyboardEvent) => event.shiftKey;

/**
 * Calls `handle` for an unshifted shortcut key (shortcutKeyOf); it answers whether it used the key.
 * Attached in a layout effect, so the handler of what is on screen is in place in the commit that shows it.
 */
export function useShortcuts(handle: (key: string, event: KeyboardEvent) => boolean) {
  useKeys(unshifted, (event) => handle(shortcutKeyOf(event), event));
}

/** As useShortcuts, for Shift with a key, named by its physical place (event.code: any layout). */
export function useShiftShortcuts(handle: (code: string) => boolean) {
  useKeys(shifted, (event) => handle(event.code));
}
