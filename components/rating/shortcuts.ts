// The rating page's keyboard shortcuts: one deliberate press each, never while typing or in a dialog.
"use client";

import { useLayoutEffect, useRef } from "react";

// Shortcuts never fire while typing, in a dialog or in the A | B switch, nor with modifier keys (browser shortcuts).
function isShortcut(event: KeyboardEvent): boolean {
  if (event.repeat || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable='true'], dialog")) return false;
  return !document.querySelector("dialog[open]");
}

/**
 * Calls `handle` for a shortcut key; it answers whether it used the key. A held key's auto-repeat
 * (event.repeat) never reaches it. Attached in a layout effect, so the handler of what is on screen
 * is in place in the commit that shows it.
 */
export function useShortcuts(handle: (key: string) => boolean) {
  const latest = useRef(handle);
  useLayoutEffect(() => {
    latest.current = handle;
  });
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isShortcut(event) && latest.current(event.key)) event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
