-- CreateTable
CREATE TABLE "ProcessStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "resolvedAt" DATETIME,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProcessStep_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RaciAssignment" (
    "stepId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "letter" TEXT NOT NULL,

    PRIMARY KEY ("stepId", "roleId"),
    CONSTRAINT "RaciAssignment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OwnershipProposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "ownerRoleId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "reason" TEXT NOT NULL,
    "proposerUserId" TEXT,
    "proposerName" TEXT NOT NULL,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "deciderUserId" TEXT,
    "deciderName" TEXT,
    "decisionReason" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OwnershipProposal_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProcessStep_organisationId_position_idx" ON "ProcessStep"("organisationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessStep_organisationId_key_key" ON "ProcessStep"("organisationId", "key");

-- CreateIndex
CREATE INDEX "OwnershipProposal_organisationId_stepId_createdAt_idx" ON "OwnershipProposal"("organisationId", "stepId", "createdAt");

