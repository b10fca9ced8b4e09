-- CreateTable
CREATE TABLE "LatestSkillLevel" (
    "memberId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "assessedOn" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,

    PRIMARY KEY ("memberId", "skillId"),
    CONSTRAINT "LatestSkillLevel_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamRevision" (
    "organisationId" TEXT NOT NULL PRIMARY KEY,
    "team" INTEGER NOT NULL DEFAULT 0,
    "training" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "LatestSkillLevel_organisationId_idx" ON "LatestSkillLevel"("organisationId");


-- The latest assessment per member and skill, for the assessments already recorded.
INSERT INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
SELECT "memberId", "skillId", "organisationId", "id", "level", "assessedOn", "createdAt" FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY "memberId", "skillId" ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC) AS "rank"
  FROM "SkillAssessment"
) WHERE "rank" = 1;

-- Kept by the database itself, so every writer (forms, imports, batch writers, seeds, tests) keeps it: decision 0017.
CREATE TRIGGER "SkillAssessment_latest_insert" AFTER INSERT ON "SkillAssessment" BEGIN
  INSERT INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
  VALUES (NEW."memberId", NEW."skillId", NEW."organisationId", NEW."id", NEW."level", NEW."assessedOn", NEW."createdAt")
  ON CONFLICT ("memberId", "skillId") DO UPDATE SET
    "organisationId" = excluded."organisationId", "assessmentId" = excluded."assessmentId", "level" = excluded."level",
    "assessedOn" = excluded."assessedOn", "createdAt" = excluded."createdAt"
  WHERE (excluded."assessedOn", excluded."createdAt", excluded."assessmentId") > ("LatestSkillLevel"."assessedOn", "LatestSkillLevel"."createdAt", "LatestSkillLevel"."assessmentId");
END;

-- Assessments are never edited and are deleted only with their member; both are handled all the same.
CREATE TRIGGER "SkillAssessment_latest_delete" AFTER DELETE ON "SkillAssessment" BEGIN
  DELETE FROM "LatestSkillLevel" WHERE "memberId" = OLD."memberId" AND "skillId" = OLD."skillId" AND "assessmentId" = OLD."id";
  INSERT OR IGNORE INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
  SELECT "memberId", "skillId", "organisationId", "id", "level", "assessedOn", "createdAt" FROM "SkillAssessment"
  WHERE "memberId" = OLD."memberId" AND "skillId" = OLD."skillId"
  ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC LIMIT 1;
END;

CREATE TRIGGER "SkillAssessment_latest_update" AFTER UPDATE ON "SkillAssessment" BEGIN
  DELETE FROM "LatestSkillLevel" WHERE ("memberId" = OLD."memberId" AND "skillId" = OLD."skillId") OR ("memberId" = NEW."memberId" AND "skillId" = NEW."skillId");
  INSERT OR IGNORE INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
  SELECT "memberId", "skillId", "organisationId", "id", "level", "assessedOn", "createdAt" FROM "SkillAssessment"
  WHERE "memberId" = OLD."memberId" AND "skillId" = OLD."skillId"
  ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC LIMIT 1;
  INSERT OR IGNORE INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
  SELECT "memberId", "skillId", "organisationId", "id", "level", "assessedOn", "createdAt" FROM "SkillAssessment"
  WHERE "memberId" = NEW."memberId" AND "skillId" = NEW."skillId"
  ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC LIMIT 1;
END;

-- The organisation's revisions: `team` raised by every write to its members, their roles and assessments,
-- `training` by every write to its training items.
CREATE TRIGGER "Member_revision_insert" AFTER INSERT ON "Member" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (NEW."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "Member_revision_update" AFTER UPDATE ON "Member" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (NEW."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "Member_revision_delete" AFTER DELETE ON "Member" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (OLD."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "MemberRole_revision_insert" AFTER INSERT ON "MemberRole" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") SELECT "organisationId", 1 FROM "Member" WHERE "id" = NEW."memberId"
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "MemberRole_revision_update" AFTER UPDATE ON "MemberRole" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") SELECT "organisationId", 1 FROM "Member" WHERE "id" = NEW."memberId"
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "MemberRole_revision_delete" AFTER DELETE ON "MemberRole" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") SELECT "organisationId", 1 FROM "Member" WHERE "id" = OLD."memberId"
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "SkillAssessment_revision_insert" AFTER INSERT ON "SkillAssessment" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (NEW."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "SkillAssessment_revision_delete" AFTER DELETE ON "SkillAssessment" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (OLD."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "SkillAssessment_revision_update" AFTER UPDATE ON "SkillAssessment" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (NEW."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "team" = "team" + 1;
END;
CREATE TRIGGER "TrainingItem_revision_insert" AFTER INSERT ON "TrainingItem" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "training") VALUES (NEW."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "training" = "training" + 1;
END;
CREATE TRIGGER "TrainingItem_revision_update" AFTER UPDATE ON "TrainingItem" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "training") VALUES (NEW."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "training" = "training" + 1;
END;
CREATE TRIGGER "TrainingItem_revision_delete" AFTER DELETE ON "TrainingItem" BEGIN
  INSERT INTO "TeamRevision" ("organisationId", "training") VALUES (OLD."organisationId", 1)
  ON CONFLICT ("organisationId") DO UPDATE SET "training" = "training" + 1;
END;
