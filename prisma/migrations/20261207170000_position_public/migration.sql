-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HiringPosition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL DEFAULT 1,
    "targetQuarter" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "ownerUserId" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "filledByMemberId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "origin" TEXT NOT NULL DEFAULT 'delta',
    "title" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "skillId" TEXT,
    "skillLevel" INTEGER,
    "budgetAmount" INTEGER,
    "budgetCurrency" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "HiringPosition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringPosition_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringPosition_filledByMemberId_fkey" FOREIGN KEY ("filledByMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HiringPosition" ("budgetAmount", "budgetCurrency", "createdAt", "filledByMemberId", "headcount", "id", "notes", "organisationId", "origin", "ownerUserId", "reason", "roleId", "skillId", "skillLevel", "sortOrder", "status", "targetQuarter", "title", "updatedAt", "version") SELECT "budgetAmount", "budgetCurrency", "createdAt", "filledByMemberId", "headcount", "id", "notes", "organisationId", "origin", "ownerUserId", "reason", "roleId", "skillId", "skillLevel", "sortOrder", "status", "targetQuarter", "title", "updatedAt", "version" FROM "HiringPosition";
DROP TABLE "HiringPosition";
ALTER TABLE "new_HiringPosition" RENAME TO "HiringPosition";
CREATE INDEX "HiringPosition_organisationId_sortOrder_idx" ON "HiringPosition"("organisationId", "sortOrder");
CREATE INDEX "HiringPosition_filledByMemberId_idx" ON "HiringPosition"("filledByMemberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

