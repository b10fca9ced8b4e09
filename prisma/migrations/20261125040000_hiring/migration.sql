-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "targetOperatingModel" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "targetStage" TEXT;

-- CreateTable
CREATE TABLE "HiringPosition" (
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
    CONSTRAINT "HiringPosition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HiringPosition_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HiringPosition_filledByMemberId_fkey" FOREIGN KEY ("filledByMemberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HiringPosition_organisationId_sortOrder_idx" ON "HiringPosition"("organisationId", "sortOrder");

-- CreateIndex
CREATE INDEX "HiringPosition_filledByMemberId_idx" ON "HiringPosition"("filledByMemberId");

