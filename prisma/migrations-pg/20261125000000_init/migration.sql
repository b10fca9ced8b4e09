-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "operatingModel" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "targetOperatingModel" TEXT,
    "targetStage" TEXT,
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false,
    "playbookVersion" INTEGER NOT NULL DEFAULT 0,
    "managersEditPlaybook" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "profileVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybookVersion" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "revertOf" INTEGER,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaybookVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessProfile" (
    "organisationId" TEXT NOT NULL,
    "stores" INTEGER,
    "skus" INTEGER,
    "ordersPerDay" INTEGER,
    "markets" INTEGER,
    "languages" INTEGER,
    "b2bAccounts" INTEGER,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessProfile_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "ProfileChannel" (
    "organisationId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "share" INTEGER NOT NULL,

    CONSTRAINT "ProfileChannel_pkey" PRIMARY KEY ("organisationId","model")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departments" TEXT NOT NULL DEFAULT '[]',
    "disabledAt" TIMESTAMP(3),
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "totpLastStep" INTEGER,
    "recoveryCodes" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "idHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departments" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InviteAcceptance" (
    "id" TEXT NOT NULL,
    "inviteId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "InviteAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "scope" TEXT NOT NULL DEFAULT 'recommendation',

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "type" TEXT NOT NULL,
    "actorUserId" TEXT,
    "subjectUserId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "ipAddress" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "department" TEXT,
    "managerId" TEXT,
    "markets" TEXT NOT NULL DEFAULT '[]',
    "languages" TEXT NOT NULL DEFAULT '[]',
    "startDate" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberRole" (
    "memberId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "sharePercent" INTEGER NOT NULL,

    CONSTRAINT "MemberRole_pkey" PRIMARY KEY ("memberId","roleId")
);

-- CreateTable
CREATE TABLE "SkillAssessment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "assessedOn" TIMESTAMP(3) NOT NULL,
    "assessorUserId" TEXT,
    "assessorName" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LatestSkillLevel" (
    "memberId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "assessedOn" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LatestSkillLevel_pkey" PRIMARY KEY ("memberId","skillId")
);

-- CreateTable
CREATE TABLE "TeamRevision" (
    "organisationId" TEXT NOT NULL,
    "team" INTEGER NOT NULL DEFAULT 0,
    "training" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TeamRevision_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "HiringPosition" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL DEFAULT 1,
    "targetQuarter" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "ownerUserId" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "filledByMemberId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "origin" TEXT NOT NULL DEFAULT 'delta',
    "title" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "skillId" TEXT,
    "skillLevel" INTEGER,
    "budgetAmount" INTEGER,
    "budgetCurrency" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HiringPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessStep" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RaciAssignment" (
    "stepId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "letter" TEXT NOT NULL,

    CONSTRAINT "RaciAssignment_pkey" PRIMARY KEY ("stepId","roleId")
);

-- CreateTable
CREATE TABLE "RaciChange" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "fromLetter" TEXT,
    "toLetter" TEXT,
    "byUserId" TEXT,
    "byName" TEXT NOT NULL,
    "undoOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RaciChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnershipProposal" (
    "id" TEXT NOT NULL,
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
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OwnershipProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingItem" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "startDate" TIMESTAMP(3),
    "dueDate" TIMESTAMP(3),
    "hours" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "evidence" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "completedAt" TIMESTAMP(3),
    "levelBefore" INTEGER,
    "reassessmentRequestedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "href" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" TEXT NOT NULL,
    "emailLanguage" TEXT,
    "emailOptOut" TEXT NOT NULL DEFAULT '[]',
    "calendarTokenHash" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "userId" TEXT,
    "toEmail" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "transport" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignupRequest" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SignupRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'checking',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "PlaybookVersion_organisationId_number_key" ON "PlaybookVersion"("organisationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_idHash_key" ON "Session"("idHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_organisationId_idx" ON "Invite"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "InviteAcceptance_tokenHash_key" ON "InviteAcceptance"("tokenHash");

-- CreateIndex
CREATE INDEX "InviteAcceptance_inviteId_idx" ON "InviteAcceptance"("inviteId");

-- CreateIndex
CREATE INDEX "InviteAcceptance_expiresAt_idx" ON "InviteAcceptance"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organisationId_idx" ON "ApiToken"("organisationId");

-- CreateIndex
CREATE INDEX "SecurityEvent_organisationId_createdAt_idx" ON "SecurityEvent"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Member_userId_key" ON "Member"("userId");

-- CreateIndex
CREATE INDEX "Member_organisationId_name_idx" ON "Member"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Member_managerId_idx" ON "Member"("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_organisationId_email_key" ON "Member"("organisationId", "email");

-- CreateIndex
CREATE INDEX "MemberRole_roleId_idx" ON "MemberRole"("roleId");

-- CreateIndex
CREATE INDEX "SkillAssessment_organisationId_idx" ON "SkillAssessment"("organisationId");

-- CreateIndex
CREATE INDEX "SkillAssessment_memberId_skillId_assessedOn_idx" ON "SkillAssessment"("memberId", "skillId", "assessedOn");

-- CreateIndex
CREATE INDEX "LatestSkillLevel_organisationId_idx" ON "LatestSkillLevel"("organisationId");

-- CreateIndex
CREATE INDEX "HiringPosition_organisationId_sortOrder_idx" ON "HiringPosition"("organisationId", "sortOrder");

-- CreateIndex
CREATE INDEX "HiringPosition_filledByMemberId_idx" ON "HiringPosition"("filledByMemberId");

-- CreateIndex
CREATE INDEX "ProcessStep_organisationId_position_idx" ON "ProcessStep"("organisationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessStep_organisationId_key_key" ON "ProcessStep"("organisationId", "key");

-- CreateIndex
CREATE INDEX "RaciChange_organisationId_stepId_createdAt_idx" ON "RaciChange"("organisationId", "stepId", "createdAt");

-- CreateIndex
CREATE INDEX "OwnershipProposal_organisationId_stepId_createdAt_idx" ON "OwnershipProposal"("organisationId", "stepId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingItem_organisationId_status_dueDate_idx" ON "TrainingItem"("organisationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "TrainingItem_memberId_skillId_idx" ON "TrainingItem"("memberId", "skillId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSettings_calendarTokenHash_key" ON "NotificationSettings"("calendarTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_dedupeKey_key" ON "MailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "MailMessage_status_nextAttemptAt_idx" ON "MailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "MailMessage_organisationId_createdAt_idx" ON "MailMessage"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SignupRequest_tokenHash_key" ON "SignupRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "SignupRequest_email_idx" ON "SignupRequest"("email");

-- CreateIndex
CREATE INDEX "SignupRequest_expiresAt_idx" ON "SignupRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "ImportJob_userId_createdAt_idx" ON "ImportJob"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_organisationId_idx" ON "ImportJob"("organisationId");

-- AddForeignKey
ALTER TABLE "PlaybookVersion" ADD CONSTRAINT "PlaybookVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessProfile" ADD CONSTRAINT "BusinessProfile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileChannel" ADD CONSTRAINT "ProfileChannel_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "BusinessProfile"("organisationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InviteAcceptance" ADD CONSTRAINT "InviteAcceptance_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "Invite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityEvent" ADD CONSTRAINT "SecurityEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberRole" ADD CONSTRAINT "MemberRole_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillAssessment" ADD CONSTRAINT "SkillAssessment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillAssessment" ADD CONSTRAINT "SkillAssessment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LatestSkillLevel" ADD CONSTRAINT "LatestSkillLevel_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringPosition" ADD CONSTRAINT "HiringPosition_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringPosition" ADD CONSTRAINT "HiringPosition_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiringPosition" ADD CONSTRAINT "HiringPosition_filledByMemberId_fkey" FOREIGN KEY ("filledByMemberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessStep" ADD CONSTRAINT "ProcessStep_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaciAssignment" ADD CONSTRAINT "RaciAssignment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaciChange" ADD CONSTRAINT "RaciChange_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OwnershipProposal" ADD CONSTRAINT "OwnershipProposal_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ProcessStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingItem" ADD CONSTRAINT "TrainingItem_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingItem" ADD CONSTRAINT "TrainingItem_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand (prisma/migrations/20261207142000_team_state has SQLite's version; decision 0017):
-- kept by the database itself, so every writer (forms, imports, batch writers, seeds, tests) keeps them.

-- The latest assessment per member and skill.
CREATE FUNCTION "SkillAssessment_latest"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
    VALUES (NEW."memberId", NEW."skillId", NEW."organisationId", NEW."id", NEW."level", NEW."assessedOn", NEW."createdAt")
    ON CONFLICT ("memberId", "skillId") DO UPDATE SET
      "organisationId" = excluded."organisationId", "assessmentId" = excluded."assessmentId", "level" = excluded."level",
      "assessedOn" = excluded."assessedOn", "createdAt" = excluded."createdAt"
    WHERE (excluded."assessedOn", excluded."createdAt", excluded."assessmentId") > ("LatestSkillLevel"."assessedOn", "LatestSkillLevel"."createdAt", "LatestSkillLevel"."assessmentId");
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "LatestSkillLevel" WHERE "memberId" = OLD."memberId" AND "skillId" = OLD."skillId" AND "assessmentId" = OLD."id";
  ELSE
    DELETE FROM "LatestSkillLevel"
    WHERE ("memberId" = OLD."memberId" AND "skillId" = OLD."skillId") OR ("memberId" = NEW."memberId" AND "skillId" = NEW."skillId");
    INSERT INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
    SELECT "memberId", "skillId", "organisationId", "id", "level", "assessedOn", "createdAt" FROM "SkillAssessment"
    WHERE "memberId" = NEW."memberId" AND "skillId" = NEW."skillId"
    ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC LIMIT 1
    ON CONFLICT DO NOTHING;
  END IF;
  -- the member may be gone (a cascade): then no assessment of theirs is left and nothing is inserted
  INSERT INTO "LatestSkillLevel" ("memberId", "skillId", "organisationId", "assessmentId", "level", "assessedOn", "createdAt")
  SELECT "memberId", "skillId", "organisationId", "id", "level", "assessedOn", "createdAt" FROM "SkillAssessment"
  WHERE "memberId" = OLD."memberId" AND "skillId" = OLD."skillId"
  ORDER BY "assessedOn" DESC, "createdAt" DESC, "id" DESC LIMIT 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER "SkillAssessment_latest" AFTER INSERT OR UPDATE OR DELETE ON "SkillAssessment"
FOR EACH ROW EXECUTE FUNCTION "SkillAssessment_latest"();

-- The organisation's revisions: `team` raised by every write to its members, their roles and assessments,
-- `training` by every write to its training items.
CREATE FUNCTION "TeamRevision_raise"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  organisation TEXT;
BEGIN
  IF TG_TABLE_NAME = 'MemberRole' THEN
    IF TG_OP = 'DELETE' THEN
      SELECT "organisationId" INTO organisation FROM "Member" WHERE "id" = OLD."memberId";
    ELSE
      SELECT "organisationId" INTO organisation FROM "Member" WHERE "id" = NEW."memberId";
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    organisation := OLD."organisationId";
  ELSE
    organisation := NEW."organisationId";
  END IF;
  IF organisation IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'TrainingItem' THEN
    INSERT INTO "TeamRevision" ("organisationId", "training") VALUES (organisation, 1)
    ON CONFLICT ("organisationId") DO UPDATE SET "training" = "TeamRevision"."training" + 1;
  ELSE
    INSERT INTO "TeamRevision" ("organisationId", "team") VALUES (organisation, 1)
    ON CONFLICT ("organisationId") DO UPDATE SET "team" = "TeamRevision"."team" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Member_revision" AFTER INSERT OR UPDATE OR DELETE ON "Member"
FOR EACH ROW EXECUTE FUNCTION "TeamRevision_raise"();
CREATE TRIGGER "MemberRole_revision" AFTER INSERT OR UPDATE OR DELETE ON "MemberRole"
FOR EACH ROW EXECUTE FUNCTION "TeamRevision_raise"();
CREATE TRIGGER "SkillAssessment_revision" AFTER INSERT OR UPDATE OR DELETE ON "SkillAssessment"
FOR EACH ROW EXECUTE FUNCTION "TeamRevision_raise"();
CREATE TRIGGER "TrainingItem_revision" AFTER INSERT OR UPDATE OR DELETE ON "TrainingItem"
FOR EACH ROW EXECUTE FUNCTION "TeamRevision_raise"();
