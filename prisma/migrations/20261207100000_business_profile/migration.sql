-- CreateTable
CREATE TABLE "BusinessProfile" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "stores" INTEGER,
    "skus" INTEGER,
    "ordersPerDay" INTEGER,
    "markets" INTEGER,
    "languages" INTEGER,
    "b2bAccounts" INTEGER,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BusinessProfile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProfileChannel" (
    "organisationId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "share" INTEGER NOT NULL,

    PRIMARY KEY ("organisationId", "model"),
    CONSTRAINT "ProfileChannel_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "BusinessProfile" ("organisationId") ON DELETE CASCADE ON UPDATE CASCADE
);

