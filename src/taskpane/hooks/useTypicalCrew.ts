import { useMemo } from "react";
import type { CrewLineInput } from "../../budget";
import type { Department, RateEngine } from "../../engine";
import { typicalCrewLines } from "../typicalCrews";

export type TypicalCrew =
  { ok: true; department: Department; lines: CrewLineInput[] } | { ok: false; error: unknown };

/** A department's typical crew as lines ready to insert; undefined when no department is chosen. */
export function useTypicalCrew(engine: RateEngine, departmentId: string): TypicalCrew | undefined {
  return useMemo(() => {
    if (!departmentId) return undefined;
    try {
      return {
        ok: true,
        department: engine.findDepartment(departmentId),
        lines: typicalCrewLines(engine, departmentId),
      };
    } catch (error) {
      // Shown in place of the department button.
      return { ok: false, error };
    }
  }, [engine, departmentId]);
}
