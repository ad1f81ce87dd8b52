// Asks before a destructive or irreversible action, naming what will happen. A native modal
// <dialog>: the browser traps and restores focus and closes it on Escape (which cancels).
"use client";

import { type ReactNode, useId } from "react";
import { Button } from "@/components/ui/button";
import { useNativeDialog } from "@/components/ui/use-native-dialog";

export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Red confirm button for actions that destroy data. */
  destructive?: boolean;
};

const DANGER = "inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800";

export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, destructive = false }: ConfirmDialogProps) {
  const ref = useNativeDialog(open);
  const id = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => open && onCancel()}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">{title}</h2>
        <div id={`${id}-body`} className="space-y-2 text-sm text-slate-700">{children}</div>
      </div>
      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 bg-slate-50 px-6 py-3">
        <Button variant="secondary" onClick={onCancel} autoFocus>Cancel</Button>
        {destructive
          ? <button type="button" onClick={onConfirm} className={DANGER}>{confirmLabel}</button>
          : <Button onClick={onConfirm}>{confirmLabel}</Button>}
      </div>
    </dialog>
  );
}
