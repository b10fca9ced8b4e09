import { useLang } from "~/components/ui";
import { SKILL_LEVELS, type SkillLevel } from "~/domain/types";
import { levelName } from "./format";

/**
 * The `<option>`s of a skill-level `<select>`: levels from `min` to 4, each
 * "3 · Advanced" (`named`, a training target) or the bare number (a
 * playbook's required level, whose table heads say what the numbers mean).
 */
export function LevelOptions({ min = 0, named = true }: { min?: SkillLevel; named?: boolean }) {
  const lang = useLang();
  return (
    <>
      {SKILL_LEVELS.filter((level) => level >= min).map((level) => (
        <option key={level} value={level}>
          {named ? `${level} · ${levelName(level, lang)}` : level}
        </option>
      ))}
    </>
  );
}
