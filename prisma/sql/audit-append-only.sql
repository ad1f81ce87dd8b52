-- The audit trail is append-only: a row, once written, is never changed or removed, even by the app
-- (a withdrawn rater's row stays; a deleted study's rows stay, which is why AuditEvent has no foreign key).
-- Writes: no table; an UPDATE or DELETE of an "AuditEvent" row fails with insufficient_privilege.

CREATE OR REPLACE FUNCTION "pairwise_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % of an AuditEvent row is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS "AuditEvent_append_only" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "pairwise_audit_append_only"();
