// The criteria's screen, loaded only by studies that ask several criteria: the single vote's page (most
// studies, and the page-weight target) does not carry it. It loads with the first pair; should that
// fail (offline, or a deploy removed the old build's files), the rater is told to reload.
"use client";

import { lazy } from "react";

const LoadFailed = () => <p role="alert" className="mt-4 text-red-700">The criteria could not be loaded: reload the page to judge this pair.</p>;

export const CriteriaVote = lazy(() =>
  import("./criteria-vote").then(
    (m) => ({ default: m.CriteriaVote }),
    () => ({ default: LoadFailed }),
  ),
);
