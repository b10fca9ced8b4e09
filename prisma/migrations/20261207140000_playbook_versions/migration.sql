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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "operatingModel" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "targetOperatingModel" TEXT,
    "targetStage" TEXT,
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false,
    "playbookVersion" INTEGER NOT NULL DEFAULT 0,
    "managersEditPlaybook" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organisation" ("createdAt", "id", "name", "operatingModel", "requireTwoFactor", "slug", "stage", "targetOperatingModel", "targetStage", "updatedAt") SELECT "createdAt", "id", "name", "operatingModel", "requireTwoFactor", "slug", "stage", "targetOperatingModel", "targetStage", "updatedAt" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookVersion_organisationId_number_key" ON "PlaybookVersion"("organisationId", "number");

