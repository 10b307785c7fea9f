// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { RateError } from "../../src/engine";
import { engine } from "../../src/data";
import { validateLine } from "../../src/budget";
import { defaultSettings } from "../../src/budget";
import {
  TYPICAL_CREW_DEPARTMENTS,
  typicalCrew,
  typicalCrewLines,
} from "../../src/taskpane/typicalCrews";

const roleIds = new Set(engine.roles.map((r) => r.id));
const departments = engine.departments.map((d) => d.id);
const settings = defaultSettings();
const weeksOf = { prep: settings.prepWeeks, shoot: settings.shootWeeks, wrap: settings.wrapWeeks };

describe("typicalCrew", () => {
  it("has a crew for every department on the card and for nothing else", () => {
    expect([...TYPICAL_CREW_DEPARTMENTS].sort()).toEqual([...departments].sort());
  });

  it.each(departments)("names only role ids that exist on the card (%s)", (departmentId) => {
    const crew = typicalCrew(departmentId);
    expect(crew.length).toBeGreaterThan(0);
    for (const line of crew) expect(roleIds, line.roleId).toContain(line.roleId);
  });

  it.each(departments)("takes each role from its own department (%s)", (departmentId) => {
    for (const line of typicalCrew(departmentId)) {
      const role = engine.roles.find((r) => r.id === line.roleId);
      expect(role?.department, line.roleId).toBe(departmentId);
    }
  });

  it("budgets the camera department the way producers do", () => {
    const ids = new Set(typicalCrew("camera").map((l) => l.roleId));
    for (const id of [
      "director-of-photography",
      "camera-operator",
      "first-assistant-camera",
      "second-assistant-camera",
      "loader",
      "digital-imaging-technician",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("includes two grips beside the key grip, best boy and dolly grip", () => {
    const grip = typicalCrew("grip").filter((l) => l.quantity === "shoot");
    expect(grip.map((l) => l.roleId)).toEqual([
      "key-grip",
      "best-boy-grip",
      "dolly-grip",
      "grip",
      "grip",
    ]);
  });

  it("budgets phase lines by the week, since they follow a weeks setting", () => {
    for (const id of departments) {
      for (const line of typicalCrew(id)) {
        if (typeof line.quantity === "string") expect(line.unit, line.roleId).toBe("week");
        else expect(line.quantity).toBeGreaterThan(0);
      }
    }
  });

  it("refuses a department it does not know, with the engine's error", () => {
    expect(() => typicalCrew("catering-on-mars")).toThrow(RateError);
  });

  it("returns a copy the caller may change", () => {
    const crew = typicalCrew("sound");
    crew.pop();
    expect(typicalCrew("sound").length).toBe(crew.length + 1);
  });
});

describe("typicalCrewLines", () => {
  it.each(departments)(
    "builds valid lines that price at the default settings (%s)",
    (departmentId) => {
      const lines = typicalCrewLines(engine, departmentId);
      expect(lines.length).toBe(typicalCrew(departmentId).length);
      for (const line of lines) {
        expect(validateLine(line)).toBeUndefined();
        expect(line.agreement).toBeUndefined();
        expect(line.region).toBeUndefined();
        expect(line.tier).toBeUndefined();
        const quote = engine.quote({
          role: line.role,
          quantity: typeof line.quantity === "number" ? line.quantity : weeksOf[line.quantity],
          unit: line.unit,
          region: settings.region,
          tier: settings.tier,
          date: settings.budgetDate,
          hoursPerDay: settings.hoursPerDay,
        });
        expect(quote.totalCents).toBeGreaterThan(0);
      }
    },
  );

  it("writes the title, account and department as the card spells them", () => {
    const [first] = typicalCrewLines(engine, "electric");
    expect(first).toEqual({
      account: engine.findRole("gaffer").account,
      department: "Electric",
      role: "Gaffer",
      description: "Gaffer, prep days",
      quantity: 5,
      unit: "day",
    });
  });
});
