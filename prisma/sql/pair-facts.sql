-- The facts a pair copies from its outputs and prompt (Pair.modelAId/modelBId, lengthA/lengthB,
-- category, dataset), kept right by the database for every writer, so the results group pairs without joins.
-- Writes: the Pair row being inserted or re-pointed (Pair_facts, BEFORE); "Pair" rows of the prompts
-- whose outputs changed length or model (Output_facts); "Pair" rows of a prompt whose category or
-- dataset changed (Prompt_facts).

-- A pair takes the facts from its outputs and prompt when it is created (or re-pointed).
CREATE OR REPLACE FUNCTION "pairwise_pair_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o."modelId", o."chars" INTO NEW."modelAId", NEW."lengthA" FROM "Output" o WHERE o.id = NEW."outputAId";
  SELECT o."modelId", o."chars" INTO NEW."modelBId", NEW."lengthB" FROM "Output" o WHERE o.id = NEW."outputBId";
  SELECT p."category", p."dataset" INTO NEW."category", NEW."dataset" FROM "Prompt" p WHERE p.id = NEW."promptId";
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS "Pair_facts" ON "Pair";
CREATE TRIGGER "Pair_facts" BEFORE INSERT OR UPDATE OF "outputAId", "outputBId", "promptId" ON "Pair"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_pair_facts"();

-- An output whose text is replaced (a re-upload) changes its length; statement-level, so a re-upload
-- of thousands of outputs is one join. The facts are read again from the outputs (a pair whose two
-- outputs both changed matches two changed rows) for the pairs of the changed outputs' prompts (Pair(promptId) index).
CREATE OR REPLACE FUNCTION "pairwise_output_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Pair" p SET "modelAId" = oa."modelId", "lengthA" = oa."chars", "modelBId" = ob."modelId", "lengthB" = ob."chars"
  FROM "Output" oa, "Output" ob
  WHERE oa.id = p."outputAId" AND ob.id = p."outputBId"
    AND p."promptId" IN (
      SELECT n."promptId" FROM new_outputs n JOIN old_outputs o ON o.id = n.id
      WHERE o."chars" IS DISTINCT FROM n."chars" OR o."modelId" IS DISTINCT FROM n."modelId")
    AND (p."modelAId", p."lengthA", p."modelBId", p."lengthB") IS DISTINCT FROM (oa."modelId", oa."chars", ob."modelId", ob."chars");
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS "Output_facts" ON "Output";
CREATE TRIGGER "Output_facts" AFTER UPDATE ON "Output"
  REFERENCING OLD TABLE AS old_outputs NEW TABLE AS new_outputs FOR EACH STATEMENT EXECUTE FUNCTION "pairwise_output_facts"();

CREATE OR REPLACE FUNCTION "pairwise_prompt_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Pair" p SET "category" = n."category", "dataset" = n."dataset"
  FROM new_prompts n JOIN old_prompts o ON o.id = n.id
  WHERE p."promptId" = n.id AND (o."category" IS DISTINCT FROM n."category" OR o."dataset" IS DISTINCT FROM n."dataset");
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS "Prompt_facts" ON "Prompt";
CREATE TRIGGER "Prompt_facts" AFTER UPDATE ON "Prompt"
  REFERENCING OLD TABLE AS old_prompts NEW TABLE AS new_prompts FOR EACH STATEMENT EXECUTE FUNCTION "pairwise_prompt_facts"();
