// A part of the rating page that only some studies need (several criteria, conversations), in its own
// chunk so the single vote's page does not carry it. It loads with the first pair; should that fail
// (offline, or a deploy removed the old build's files), the rater is told to reload.
"use client";

import { type ComponentType, lazy } from "react";

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, what: string) {
  const LoadFailed = () => <p role="alert" className="mt-4 text-red-700">{`The ${what} could not be loaded: reload the page to judge this pair.`}</p>;
  return lazy(() => load().then((part) => ({ default: part }), () => ({ default: LoadFailed as ComponentType<P> })));
}
