// A native modal <dialog>: focus is trapped and restored by the browser, Escape closes it.
"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useNativeDialog } from "@/components/ui/use-native-dialog";

export type ModalDialogProps = { open: boolean; onClose: () => void; title: string; children: ReactNode; footer?: ReactNode };

export function ModalDialog({ open, onClose, title, children, footer }: ModalDialogProps) {
  const ref = useNativeDialog(open);
  const titleId = `${title.replace(/\W+/g, "-").toLowerCase()}-title`;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(42rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="max-h-[80vh] overflow-y-auto p-6">
        <h2 id={titleId} className="mb-4 text-lg font-semibold">{title}</h2>
        {children}
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-6 py-3">
        {footer}
        <Button variant="secondary" onClick={onClose}>Close</Button>
      </div>
    </dialog>
  );
}
