// The criteria's screen, loaded only by studies that ask several criteria (lazy-part.tsx).
"use client";

import { lazyPart } from "./lazy-part";

export const CriteriaVote = lazyPart(() => import("./criteria-vote").then((m) => m.CriteriaVote), "criteria");
