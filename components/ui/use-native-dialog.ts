// Keeps a native <dialog> shown as a modal while `open` is true: the browser then traps and restores
// focus and closes it on Escape (its onClose tells the owner).
"use client";

import { useEffect, useRef } from "react";

export function useNativeDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
