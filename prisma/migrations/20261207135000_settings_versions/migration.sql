-- Versions for the remaining edit forms (decision 0009): the organisation form, the business profile,
-- a person's kind, a process step's name.
ALTER TABLE "Organisation" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Organisation" ADD COLUMN "profileVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ProcessStep" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
