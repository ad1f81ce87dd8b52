"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { sendJson } from "./send-json";


export function GoldButtons({ studyId, pairId, gold }: { studyId: string; pairId: string; gold: "A" | "B" | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const mark = async (answer: "A" | "B" | null) => {
    setError(await sendJson(`/api/studies/${studyId}/gold`, "POST", { pairId, answer }));
    router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant={gold === "A" ? "primary" : "secondary"} onClick={() => mark("A")} aria-pressed={gold === "A"}>A is the known better answer</Button>
      <Button variant={gold === "B" ? "primary" : "secondary"} onClick={() => mark("B")} aria-pressed={gold === "B"}>B is the known better answer</Button>
      {gold && <Button variant="ghost" onClick={() => mark(null)}>Not gold</Button>}
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </div>
  );
}

export function GoldRateForm({ studyId, goldRate }: { studyId: string; goldRate: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const percent = Number(new FormData(event.currentTarget).get("goldPercent"));
    const error = await sendJson(`/api/studies/${studyId}/gold`, "PUT", { goldRate: percent / 100 });
    setMessage(error ?? "Saved.");
    router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="goldPercent" className="mb-1 block text-sm font-medium">Share of pairs drawn from gold pairs (%)</label>
        <input id="goldPercent" name="goldPercent" type="number" min={0} max={100} step={1} defaultValue={Math.round(goldRate * 100)}
          className="w-28 rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      <Button type="submit" variant="secondary">Save gold rate</Button>
      {message && <span role="status" className="text-sm text-slate-600">{message}</span>}
    </form>
  );
}
