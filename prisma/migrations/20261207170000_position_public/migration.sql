-- A hiring position may be public: everyone in the organisation sees its title, role, quarter,
-- headcount and status (decision 0018). Existing positions stay private.
ALTER TABLE "HiringPosition" ADD COLUMN "isPublic" BOOLEAN NOT NULL DEFAULT false;
