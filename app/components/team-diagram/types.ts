import type { GapBucket, SkillCoverageStatus } from "~/domain/gaps";
import type { HeadcountRange, Priority, RoleId, SkillLevel } from "~/domain/types";

/** What the side panel shows about a selected member (labels already in the reader's language). */
export interface MemberPanelData {
  id: string;
  name: string;
  title: string;
  departmentLabel: string | null;
  roles: { roleId: RoleId; label: string; share: number }[];
  /** "hidden": the reader may not see this person's levels and gaps (skills is then empty) */
  bucket: GapBucket | "hidden";
  maxGap: number;
  totalGap: number;
  notAssessedCount: number;
  /** the skills the member's roles require now */
  skills: {
    id: string;
    label: string;
    required: SkillLevel;
    assessed: SkillLevel;
    gap: number;
    notAssessed: boolean;
  }[];
}

/** What the side panel shows about a selected role. */
export interface RolePanelData {
  roleId: RoleId;
  label: string;
  priority: Priority;
  headcount: HeadcountRange;
  fte: number;
  unfilledSeats: number;
  overStaffedBy: number;
  holderCount: number;
  memberCount: number;
  responsibilities: string[];
  /** the holders' figures are left out: too few holders to show them to this reader (skills carry requirements only) */
  withheld: boolean;
  skills: {
    id: string;
    label: string;
    required: SkillLevel;
    bestLevel: SkillLevel | null;
    holdersMeeting: number;
    holdersBelow: number;
    holdersNotAssessed: number;
    status: SkillCoverageStatus;
  }[];
}
