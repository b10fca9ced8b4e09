-- CreateTable
CREATE TABLE "TrainingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "startDate" DATETIME,
    "dueDate" DATETIME,
    "hours" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "evidence" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "completedAt" DATETIME,
    "levelBefore" INTEGER,
    "reassessmentRequestedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingItem_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TrainingItem_organisationId_status_dueDate_idx" ON "TrainingItem"("organisationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "TrainingItem_memberId_skillId_idx" ON "TrainingItem"("memberId", "skillId");

