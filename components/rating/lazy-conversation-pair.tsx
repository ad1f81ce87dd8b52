// A conversation's turns around the judged answers, loaded only for conversation pairs (lazy-part.tsx).
"use client";

import { lazyPart } from "./lazy-part";

export const ConversationPair = lazyPart(() => import("./conversation-pair").then((m) => m.ConversationPair), "conversation");
