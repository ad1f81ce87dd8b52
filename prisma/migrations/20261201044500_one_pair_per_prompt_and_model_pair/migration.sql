-- Hand-written (Prisma's schema language has no expression indexes; its differ leaves them alone).
-- A study judges each prompt at most once per model pair, in one A/B order (lib/studies/pair-plan.ts
-- plans it so): per-pair counts are then per-prompt counts within a comparison, which lets the
-- results aggregate pairs in SQL. Output ids stand for models here: a prompt has one output per model.
CREATE UNIQUE INDEX "Pair_study_prompt_model_pair_key" ON "Pair" ("studyId", LEAST("outputAId", "outputBId"), GREATEST("outputAId", "outputBId"));
