-- The facts a pair copies from its outputs and prompt (Pair.modelAId/modelBId, lengthA/lengthB,
-- category, dataset), kept right by the database for every writer, so the results group pairs without joins.
-- Writes: the Pair row being inserted or re-pointed (Pair_facts, BEFORE); "Pair" rows of the prompts
-- whose outputs changed length or model (Output_facts); "Pair" rows of a prompt whose category or
-- dataset changed (Prompt_facts).

-- The length a pair's raters judge (issue 21): of the judged turn when the pair judges one turn of a
-- conversation, else of every assistant turn (a single answer: its text). Null: the output has no such turn.
CREATE OR REPLACE FUNCTION "pairwise_judged_chars"(chars int, turns text[], turn int) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cardinality(turns) = 0 THEN CASE WHEN turn <= 1 THEN chars END
    WHEN turn = 0 THEN (SELECT sum(length(t))::int FROM unnest(turns) t)
    ELSE length(turns[turn])
  END
$$;

-- A pair takes the facts from its outputs and prompt when it is created (or re-pointed), and is refused
-- when it judges a turn its outputs do not have.
CREATE OR REPLACE FUNCTION "pairwise_pair_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o."modelId", "pairwise_judged_chars"(o."chars", o."turns", NEW."turn") INTO NEW."modelAId", NEW."lengthA"
    FROM "Output" o WHERE o.id = NEW."outputAId";
  SELECT o."modelId", "pairwise_judged_chars"(o."chars", o."turns", NEW."turn") INTO NEW."modelBId", NEW."lengthB"
    FROM "Output" o WHERE o.id = NEW."outputBId";
  IF NEW."lengthA" IS NULL OR NEW."lengthB" IS NULL THEN
    RAISE EXCEPTION 'pair judges turn % but an output has no such turn', NEW."turn" USING ERRCODE = 'check_violation';
  END IF;
  SELECT p."category", p."dataset" INTO NEW."category", NEW."dataset" FROM "Prompt" p WHERE p.id = NEW."promptId";
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS "Pair_facts" ON "Pair";
CREATE TRIGGER "Pair_facts" BEFORE INSERT OR UPDATE OF "outputAId", "outputBId", "promptId", "turn" ON "Pair"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_pair_facts"();

-- An output whose text or turns are replaced (a re-upload) changes its lengths; statement-level, so a re-upload
-- of thousands of outputs is one join. The facts are read again from the outputs (a pair whose two
-- outputs both changed matches two changed rows) for the pairs of the changed outputs' prompts (Pair(promptId) index).
CREATE OR REPLACE FUNCTION "pairwise_output_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Pair" p SET "modelAId" = f."modelAId", "lengthA" = f."lengthA", "modelBId" = f."modelBId", "lengthB" = f."lengthB"
  FROM "Pair" q
  CROSS JOIN LATERAL (
    SELECT oa."modelId" AS "modelAId", "pairwise_judged_chars"(oa."chars", oa."turns", q."turn") AS "lengthA",
           ob."modelId" AS "modelBId", "pairwise_judged_chars"(ob."chars", ob."turns", q."turn") AS "lengthB"
    FROM "Output" oa, "Output" ob WHERE oa.id = q."outputAId" AND ob.id = q."outputBId") f
  WHERE q.id = p.id
    AND p."promptId" IN (
      SELECT n."promptId" FROM new_outputs n JOIN old_outputs o ON o.id = n.id
      WHERE o."chars" IS DISTINCT FROM n."chars" OR o."modelId" IS DISTINCT FROM n."modelId" OR o."turns" IS DISTINCT FROM n."turns")
    AND (p."modelAId", p."lengthA", p."modelBId", p."lengthB") IS DISTINCT FROM (f."modelAId", f."lengthA", f."modelBId", f."lengthB");
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
