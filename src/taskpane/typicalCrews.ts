/**
 * The crew a producer usually budgets for a department of a single-unit feature or series block,
 * inserted at once by "Insert department". Prep, shoot and wrap lines follow the workbook's phase
 * settings (change Shoot weeks once and every shoot line follows); fixed numbers are the customary
 * prep days, day players and post schedules. A starting point the producer edits, not a rule.
 *
 * Role ids are the card's kebab-case ids, which are never renamed; a test checks each one exists.
 */
import { crewLineFor, type CrewLineInput, type Phase } from "../budget";
import { RateError, type RateEngine, type Unit } from "../engine";

export interface TypicalCrewLine {
  roleId: string;
  /** A phase whose weeks setting the line follows, or a fixed number of units. */
  quantity: Phase | number;
  unit: Unit;
  /** What the line is for, added to its description ("post", "prep days", "2nd unit"). */
  note?: string;
}

const prep = (roleId: string): TypicalCrewLine => ({ roleId, quantity: "prep", unit: "week" });
const shoot = (roleId: string): TypicalCrewLine => ({ roleId, quantity: "shoot", unit: "week" });
const wrap = (roleId: string): TypicalCrewLine => ({ roleId, quantity: "wrap", unit: "week" });
/** Prep, shoot and wrap lines for one person. */
const run = (roleId: string): TypicalCrewLine[] => [prep(roleId), shoot(roleId), wrap(roleId)];
/** Prep and shoot lines for one person. */
const prepShoot = (roleId: string): TypicalCrewLine[] => [prep(roleId), shoot(roleId)];
/** A few prep days (checkout, scouts, pre-rig) before the shoot weeks. */
const prepDays = (roleId: string, days: number): TypicalCrewLine => ({
  roleId,
  quantity: days,
  unit: "day",
  note: "prep days",
});
const days = (roleId: string, count: number, note?: string): TypicalCrewLine => ({
  roleId,
  quantity: count,
  unit: "day",
  ...(note === undefined ? {} : { note }),
});
const weeks = (roleId: string, count: number, note: string): TypicalCrewLine => ({
  roleId,
  quantity: count,
  unit: "week",
  note,
});
const flat = (roleId: string): TypicalCrewLine => ({ roleId, quantity: 1, unit: "flat" });

const TYPICAL_CREWS: Readonly<Record<string, readonly TypicalCrewLine[]>> = {
  producers: [
    ...run("producer"),
    ...run("line-producer"),
    shoot("associate-producer"),
    ...prepShoot("assistant-to-producer"),
  ],
  directing: [
    ...prepShoot("director"),
    ...prepShoot("first-assistant-director"),
    weeks("key-second-assistant-director", 2, "prep"),
    shoot("key-second-assistant-director"),
    shoot("second-second-assistant-director"),
    days("additional-second-assistant-director", 10, "big days"),
    shoot("dga-trainee"),
  ],
  production: [
    ...run("unit-production-manager"),
    ...run("production-coordinator"),
    ...prepShoot("assistant-production-coordinator"),
    shoot("production-secretary"),
    ...run("production-accountant"),
    ...run("first-assistant-accountant"),
    shoot("payroll-accountant"),
    shoot("key-production-assistant"),
    shoot("set-production-assistant"),
    shoot("set-production-assistant"),
    ...prepShoot("office-production-assistant"),
  ],
  script: [prepDays("script-supervisor", 3), shoot("script-supervisor")],
  locations: [
    ...run("location-manager"),
    ...run("key-assistant-location-manager"),
    shoot("assistant-location-manager"),
    days("location-scout", 10, "scouting"),
    shoot("location-production-assistant"),
    shoot("location-production-assistant"),
  ],
  casting: [
    ...prepShoot("casting-director"),
    prep("casting-associate"),
    prep("casting-assistant"),
    shoot("extras-casting-director"),
  ],
  camera: [
    ...prepShoot("director-of-photography"),
    shoot("camera-operator"),
    prepDays("first-assistant-camera", 3),
    shoot("first-assistant-camera"),
    prepDays("second-assistant-camera", 3),
    shoot("second-assistant-camera"),
    shoot("loader"),
    shoot("digital-imaging-technician"),
  ],
  grip: [
    prepDays("key-grip", 5),
    shoot("key-grip"),
    prepDays("best-boy-grip", 3),
    shoot("best-boy-grip"),
    shoot("dolly-grip"),
    shoot("grip"),
    shoot("grip"),
  ],
  electric: [
    prepDays("gaffer", 5),
    shoot("gaffer"),
    prepDays("best-boy-electric", 3),
    shoot("best-boy-electric"),
    shoot("lighting-technician"),
    shoot("lighting-technician"),
    shoot("lighting-technician"),
    shoot("generator-operator"),
  ],
  sound: [
    prepDays("production-sound-mixer", 2),
    shoot("production-sound-mixer"),
    shoot("boom-operator"),
    shoot("utility-sound-technician"),
  ],
  art: [
    ...run("production-designer"),
    ...run("art-director"),
    ...prepShoot("assistant-art-director"),
    prep("set-designer"),
    prep("graphic-designer"),
    ...prepShoot("art-department-coordinator"),
    ...prepShoot("art-department-pa"),
  ],
  "set-decoration": [
    ...run("set-decorator"),
    ...run("leadperson"),
    ...prepShoot("set-decoration-buyer"),
    shoot("on-set-dresser"),
    ...run("set-dresser"),
    ...run("set-dresser"),
  ],
  props: [
    ...run("property-master"),
    ...prepShoot("assistant-property-master"),
    shoot("property-assistant"),
  ],
  construction: [
    ...prepShoot("construction-coordinator"),
    prep("construction-general-foreman"),
    prep("construction-gang-boss"),
    prep("carpenter"),
    prep("carpenter"),
    prep("carpenter"),
    prep("carpenter"),
    prep("charge-scenic-artist"),
    prep("scenic-artist"),
    prep("scenic-artist"),
    prep("construction-laborer"),
    prep("construction-laborer"),
    shoot("standby-painter"),
  ],
  costume: [
    ...prepShoot("costume-designer"),
    ...run("costume-supervisor"),
    ...prepShoot("assistant-costume-designer"),
    shoot("key-costumer"),
    shoot("set-costumer"),
    prep("tailor-seamstress"),
    ...prepShoot("costume-pa"),
  ],
  "hair-makeup": [
    weeks("department-head-makeup", 1, "prep"),
    shoot("department-head-makeup"),
    shoot("key-makeup-artist"),
    weeks("department-head-hair", 1, "prep"),
    shoot("department-head-hair"),
    shoot("key-hair-stylist"),
  ],
  "special-effects": [
    ...prepShoot("special-effects-coordinator"),
    ...prepShoot("special-effects-foreman"),
    shoot("special-effects-technician"),
    shoot("special-effects-technician"),
  ],
  stunts: [
    ...prepShoot("stunt-coordinator"),
    days("stunt-performer", 10),
    days("stunt-double", 10),
  ],
  transportation: [
    ...run("transportation-coordinator"),
    ...run("transportation-captain"),
    shoot("production-van-driver"),
    shoot("class-a-driver"),
    shoot("class-a-driver"),
    shoot("cast-driver"),
    shoot("cast-driver"),
    shoot("production-driver"),
  ],
  "craft-catering": [
    shoot("key-craft-service"),
    shoot("craft-service"),
    shoot("catering-chef"),
    shoot("catering-assistant"),
  ],
  "medical-safety": [shoot("set-medic"), days("fire-safety-officer", 5, "effects days")],
  editorial: [
    shoot("editor"),
    weeks("editor", 10, "post"),
    shoot("assistant-editor"),
    weeks("assistant-editor", 12, "post"),
    shoot("post-production-supervisor"),
    weeks("post-production-supervisor", 16, "post"),
    weeks("post-production-coordinator", 12, "post"),
    days("colorist", 5, "final grade"),
  ],
  "post-sound": [
    weeks("supervising-sound-editor", 8, "post"),
    weeks("dialogue-editor", 6, "post"),
    weeks("sound-effects-editor", 6, "post"),
    weeks("re-recording-mixer", 3, "final mix"),
    days("foley-artist", 5),
    days("foley-mixer", 5),
    days("adr-mixer", 3),
    weeks("music-editor", 6, "post"),
  ],
  vfx: [
    ...prepShoot("vfx-supervisor"),
    ...prepShoot("vfx-producer"),
    shoot("vfx-coordinator"),
    shoot("vfx-data-wrangler"),
  ],
  music: [
    flat("composer"),
    flat("music-supervisor"),
    flat("orchestrator"),
    weeks("music-coordinator", 8, "post"),
    days("scoring-mixer", 3, "scoring sessions"),
  ],
  publicity: [shoot("unit-publicist"), days("special-photographer", 10), days("epk-producer", 5)],
};

/** Department ids that have a typical crew. */
export const TYPICAL_CREW_DEPARTMENTS: readonly string[] = Object.keys(TYPICAL_CREWS);

/**
 * The typical crew for a department, one entry per budget line, in budget order.
 * @param departmentId a department id from the rate card ("camera", "grip")
 * @throws RateError UNKNOWN_DEPARTMENT when there is no typical crew for that department
 */
export function typicalCrew(departmentId: string): TypicalCrewLine[] {
  const crew = TYPICAL_CREWS[departmentId];
  if (crew === undefined) {
    throw new RateError("UNKNOWN_DEPARTMENT", { input: departmentId });
  }
  return crew.map((line) => ({ ...line }));
}

/**
 * The department's typical crew as budget lines: the customary agreement, region and tier from
 * the workbook settings, and each role's title and account as the card spells them.
 * @throws RateError UNKNOWN_DEPARTMENT or UNKNOWN_ROLE
 */
export function typicalCrewLines(engine: RateEngine, departmentId: string): CrewLineInput[] {
  const department = engine.findDepartment(departmentId);
  return typicalCrew(department.id).map((entry) =>
    crewLineFor(engine, engine.findRole(entry.roleId), {
      quantity: entry.quantity,
      unit: entry.unit,
      note: entry.note,
    }),
  );
}
