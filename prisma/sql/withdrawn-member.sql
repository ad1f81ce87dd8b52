-- A rater who withdrew from a study (an audit row RATER_WITHDREW naming their pseudonym) cannot become
-- its member again with that account: every way of joining (invitation, study link, admin's list)
-- inserts a "StudyMember" row, and this trigger drops such a row silently (createMany with
-- skipDuplicates reports it as not added; the rater then finds no such study).
-- Writes: no table.

CREATE OR REPLACE FUNCTION "pairwise_withdrawn_member"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "AuditEvent" e JOIN "User" u ON u.id = NEW."userId"
    WHERE e."studyId" = NEW."studyId" AND e.action = 'RATER_WITHDREW' AND e.details->>'rater' = u.pseudonym
  ) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS "StudyMember_not_withdrawn" ON "StudyMember";
CREATE TRIGGER "StudyMember_not_withdrawn" BEFORE INSERT ON "StudyMember"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_withdrawn_member"();
