-- pairwise_study_criteria: the criteria a study asks raters to judge each pair on, in display order, as
-- the rating page reads them ([{ "key", "label", "question" }], the primary first; empty when the study
-- asks one overall choice). Served with each leased pair by pairwise_next_lease and pairwise_undo_vote.
-- Writes: nothing.
CREATE OR REPLACE FUNCTION "pairwise_study_criteria"(p_study text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('key', sc.key, 'label', sc.label, 'question', sc.question) ORDER BY sc.position), '[]'::jsonb)
  FROM "StudyCriterion" sc WHERE sc."studyId" = p_study
$$;
