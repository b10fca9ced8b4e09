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

-- CreateIndex
CREATE UNIQUE INDEX "InviteAcceptance_tokenHash_key" ON "InviteAcceptance"("tokenHash");

-- CreateIndex
CREATE INDEX "InviteAcceptance_inviteId_idx" ON "InviteAcceptance"("inviteId");

-- CreateIndex
CREATE INDEX "InviteAcceptance_expiresAt_idx" ON "InviteAcceptance"("expiresAt");

