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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "scope" TEXT NOT NULL DEFAULT 'recommendation',
    CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiToken" ("createdAt", "createdById", "id", "lastUsedAt", "name", "organisationId", "prefix", "revokedAt", "tokenHash") SELECT "createdAt", "createdById", "id", "lastUsedAt", "name", "organisationId", "prefix", "revokedAt", "tokenHash" FROM "ApiToken";
DROP TABLE "ApiToken";
ALTER TABLE "new_ApiToken" RENAME TO "ApiToken";
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
CREATE INDEX "ApiToken_organisationId_idx" ON "ApiToken"("organisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "InviteAcceptance_tokenHash_key" ON "InviteAcceptance"("tokenHash");

-- CreateIndex
CREATE INDEX "InviteAcceptance_inviteId_idx" ON "InviteAcceptance"("inviteId");

-- CreateIndex
CREATE INDEX "InviteAcceptance_expiresAt_idx" ON "InviteAcceptance"("expiresAt");


-- Tokens made before scopes existed read training progress (decision 0011): they keep doing so, so no
-- BI integration breaks; new tokens default to the narrowest scope.
UPDATE "ApiToken" SET "scope" = 'training';
