-- CreateTable
CREATE TABLE "RaciChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "fromLetter" TEXT,
    "toLetter" TEXT,
    "byUserId" TEXT,
    "byName" TEXT NOT NULL,
    "undoOfId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RaciChange_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RaciChange_organisationId_stepId_createdAt_idx" ON "RaciChange"("organisationId", "stepId", "createdAt");

