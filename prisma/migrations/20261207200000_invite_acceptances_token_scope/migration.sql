-- CreateTable
CREATE TABLE "InviteAcceptance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inviteId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "InviteAcceptance_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (a column added in place: a rebuild would drop what other migrations add to the table)
ALTER TABLE "ApiToken" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'recommendation';

-- CreateIndex
CREATE UNIQUE INDEX "InviteAcceptance_tokenHash_key" ON "InviteAcceptance"("tokenHash");

-- CreateIndex
CREATE INDEX "InviteAcceptance_inviteId_idx" ON "InviteAcceptance"("inviteId");

-- CreateIndex
CREATE INDEX "InviteAcceptance_expiresAt_idx" ON "InviteAcceptance"("expiresAt");


-- Tokens made before scopes existed read training progress (decision 0011): they keep doing so, so no
-- BI integration breaks; new tokens default to the narrowest scope.
UPDATE "ApiToken" SET "scope" = 'training';
