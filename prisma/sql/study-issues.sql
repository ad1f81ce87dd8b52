-- pairwise_study_issues: the issues a study asks raters to mark on each answer, in display order, as
-- the rating page reads them ([{ "key", "label" }], empty when it asks for none). Served with each
-- leased pair by pairwise_next_lease and pairwise_undo_vote.
-- Writes: nothing.
CREATE OR REPLACE FUNCTION "pairwise_study_issues"(p_study text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('key', si.key, 'label', si.label) ORDER BY si.position), '[]'::jsonb)
  FROM "StudyIssue" si WHERE si."studyId" = p_study
$$;
