// The answer-issue boxes, loaded only by studies that ask for issues (lazy-part.tsx).
"use client";

import { lazyPart } from "./lazy-part";

export const IssuePicker = lazyPart(() => import("./issue-picker").then((m) => m.IssuePicker), "issue boxes");
