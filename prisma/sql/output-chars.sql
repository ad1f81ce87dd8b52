-- A new output's length in characters (Output.chars), kept by the database for every writer.
-- Writes: only the Output row being inserted or updated (BEFORE trigger).

CREATE OR REPLACE FUNCTION "pairwise_output_chars"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."chars" := length(NEW."text");
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS "Output_chars" ON "Output";
CREATE TRIGGER "Output_chars" BEFORE INSERT OR UPDATE OF "text" ON "Output"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_output_chars"();
