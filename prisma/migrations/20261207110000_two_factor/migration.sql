-- Two-factor sign-in (TOTP), recovery codes and the organisation's "require two-factor" setting (issue 14).
ALTER TABLE "Organisation" ADD COLUMN "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "totpSecret" TEXT;
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;
ALTER TABLE "User" ADD COLUMN "recoveryCodes" TEXT NOT NULL DEFAULT '[]';
