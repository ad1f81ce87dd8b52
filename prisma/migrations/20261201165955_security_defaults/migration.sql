-- Security defaults (issue 14): API tokens expire, crowd links have their own token, email invitations
-- are claimed through their own single-use links, crowd participants resume with a per-browser secret.

-- Tokens made before expiry existed get the default lifetime from their creation.
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" TIMESTAMP(3);
UPDATE "ApiToken" SET "expiresAt" = "createdAt" + interval '90 days';
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;

-- Every study, existing ones included (the default is evaluated per row), gets a crowd token of its
-- own: old crowd links, which used the invitation token, stop working on purpose.
ALTER TABLE "Study" ADD COLUMN "crowdToken" TEXT NOT NULL DEFAULT (replace((gen_random_uuid())::text, '-'::text, ''::text) || replace((gen_random_uuid())::text, '-'::text, ''::text));

-- Pending invitations made before links existed have none: the admin makes one from the study page.
ALTER TABLE "StudyInvite" ADD COLUMN "expiresAt" TIMESTAMP(3),
ADD COLUMN "tokenHash" TEXT;

ALTER TABLE "User" ADD COLUMN "crowdSecretHash" TEXT;

CREATE UNIQUE INDEX "Study_crowdToken_key" ON "Study"("crowdToken");
CREATE UNIQUE INDEX "StudyInvite_tokenHash_key" ON "StudyInvite"("tokenHash");
