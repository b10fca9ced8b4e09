-- The organisation's own playbook (issue 13, decision 0015): which version is in use (0 = the shipped
-- playbook), whether managers may edit it, and every saved version as a whole JSON document.
ALTER TABLE "Organisation" ADD COLUMN "playbookVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Organisation" ADD COLUMN "managersEditPlaybook" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PlaybookVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "revertOf" INTEGER,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PlaybookVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookVersion_organisationId_number_key" ON "PlaybookVersion"("organisationId", "number");
