-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "managerId" TEXT,
    "markets" TEXT NOT NULL DEFAULT '[]',
    "languages" TEXT NOT NULL DEFAULT '[]',
    "startDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Member_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Member" ("createdAt", "department", "email", "id", "languages", "managerId", "markets", "name", "organisationId", "startDate", "title", "updatedAt", "userId") SELECT "createdAt", "department", "email", "id", "languages", "managerId", "markets", "name", "organisationId", "startDate", "title", "updatedAt", "userId" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_userId_key" ON "Member"("userId");
CREATE INDEX "Member_organisationId_name_idx" ON "Member"("organisationId", "name");
CREATE INDEX "Member_managerId_idx" ON "Member"("managerId");
CREATE UNIQUE INDEX "Member_organisationId_email_key" ON "Member"("organisationId", "email");
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
    CONSTRAINT "HiringPosition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringPosition_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringPosition_filledByMemberId_fkey" FOREIGN KEY ("filledByMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HiringPosition" ("createdAt", "filledByMemberId", "headcount", "id", "notes", "organisationId", "ownerUserId", "roleId", "sortOrder", "status", "targetQuarter", "updatedAt") SELECT "createdAt", "filledByMemberId", "headcount", "id", "notes", "organisationId", "ownerUserId", "roleId", "sortOrder", "status", "targetQuarter", "updatedAt" FROM "HiringPosition";
DROP TABLE "HiringPosition";
ALTER TABLE "new_HiringPosition" RENAME TO "HiringPosition";
CREATE INDEX "HiringPosition_organisationId_sortOrder_idx" ON "HiringPosition"("organisationId", "sortOrder");
CREATE INDEX "HiringPosition_filledByMemberId_idx" ON "HiringPosition"("filledByMemberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

