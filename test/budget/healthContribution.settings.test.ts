/**
 * The Health contribution setting (HealthContribution), on the Settings sheet's row 14: the producer's
 * MPI health contribution level, independent by default; a budget from before the setting existed
 * reads as independent, and the layout-1 migration adds the row and its name.
 */
import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  LAYOUT_2_SETTINGS,
  settingAddress,
  settingFormat,
  settingRow,
  settingsFromCells,
  settingsRows,
  SETTING_NAMES,
  SETTINGS,
  SETTINGS_SHEET,
  TEXT_FORMAT,
  type SettingName,
} from "../../src/budget";
import { engine } from "../../src/data";
import { DEFAULT_HEALTH_CONTRIBUTION } from "../../src/engine";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";

/** Settings!B2 down as a workbook holds them: the defaults, with `level` in Health contribution. */
function cellsWith(level: unknown, names: readonly SettingName[] = SETTING_NAMES): unknown[][] {
  return names.map((name) => {
    if (name === "HealthContribution") return [level];
    if (name === "BudgetDate") return [defaultSettings().budgetDate];
    const spec = SETTINGS.find((s) => s.name === name);
    return [name === "ProductionTables" ? "tables" : spec?.value];
  });
}

describe("the Health contribution setting", () => {
  it("is on Settings!B14, labelled Health contribution, independent by default", () => {
    expect(SETTING_NAMES.indexOf("HealthContribution")).toBe(12);
    expect(settingRow("HealthContribution")).toBe(14);
    expect(settingAddress("HealthContribution")).toBe("Settings!$B$14");
    const spec = SETTINGS.find((s) => s.name === "HealthContribution")!;
    expect(spec).toMatchObject({ label: "Health contribution", value: "independent" });
    expect(defaultSettings().healthContribution).toBe(DEFAULT_HEALTH_CONTRIBUTION);
    // Text as typed, never a number or a date.
    expect(settingFormat(spec)).toBe(TEXT_FORMAT);
    expect(settingsRows()[settingRow("HealthContribution") - 1]).toEqual([
      "Health contribution",
      "independent",
      spec.note,
    ]);
  });

  it("documents both levels, what each pays and the default, citing the agreement", () => {
    const { note } = SETTINGS.find((s) => s.name === "HealthContribution")!;
    expect(note).toMatch(/independent \(the default\)/);
    expect(note).toMatch(/contributor: a \$15M contributor/);
    expect(note).toContain("Art. XII(b)(2)");
    expect(note).toContain("item 3(a)(iii)");
    expect(note).toContain("Blank: independent.");
  });

  it("is added by the layout-1 migration, after the settings layout 2 added before it", () => {
    expect(LAYOUT_2_SETTINGS).toContain("HealthContribution");
    expect(LAYOUT_2_SETTINGS.at(-1)).toBe(SETTING_NAMES.at(-1));
    // The migration writes these rows as one block: they must follow one another.
    const rows = LAYOUT_2_SETTINGS.map(settingRow);
    expect(rows).toEqual(rows.map((_, i) => rows[0]! + i));
  });

  it.each<[unknown, string]>([
    ["", "independent"],
    [null, "independent"],
    ["  ", "independent"],
    ["independent", "independent"],
    ["Independent", "independent"],
    ["contributor", "contributor"],
    ["$15M Contributor", "contributor"],
    [" Basic rate ", "contributor"],
  ])("reads %j as %s", (cell, level) => {
    expect(settingsFromCells(cellsWith(cell)).healthContribution).toBe(level);
  });

  it("names the cell when it holds something that is not a level", () => {
    for (const bad of ["studio", 15, "yes"]) {
      expect(() => settingsFromCells(cellsWith(bad))).toThrow(
        `Settings!B14 (Health contribution) must be independent (a producer that is not a $15M contributor) or contributor (a "$15 Million Contributor"); it holds '${String(bad)}'.`,
      );
    }
  });

  it("reads a budget from before the setting existed as independent", () => {
    const older = cellsWith(undefined, SETTING_NAMES.slice(0, -1));
    expect(older).toHaveLength(SETTING_NAMES.length - 1);
    expect(settingsFromCells(older).healthContribution).toBe("independent");
  });

  it("is read from the sheet, and its workbook name gives CREW.FRINGE the level", async () => {
    const workbook = new PreviewWorkbook(engine);
    const { hf } = workbook;
    expect((await workbook.readSettings()).healthContribution).toBe("independent");
    const scratch = hf.getSheetId(hf.addSheet("Scratch"))!;
    // What a crew line's Fringe formula would pass: the pinned pair, then HealthContribution.
    const formula =
      '=CREW.FRINGE("Set Decorator",1,"week","IATSE",,,"2025-10-01",0,12,CardVersion,ProductionTables,HealthContribution)';
    hf.setCellContents({ sheet: scratch, row: 0, col: 0 }, [[formula]]);
    const fringe = () =>
      Math.round((hf.getCellValue({ sheet: scratch, row: 0, col: 0 }) as number) * 100);
    const quoted = (level: string) =>
      engine.quoteFast({
        role: "Set Decorator",
        unit: "week",
        agreement: "IATSE",
        date: "2025-10-01",
        hoursPerDay: 12,
        healthContribution: level,
      }).fringeCents;
    expect(fringe()).toBe(quoted("independent"));

    const cell = {
      sheet: workbook.sheetId(SETTINGS_SHEET),
      row: settingRow("HealthContribution") - 1,
      col: 1,
    };
    hf.setCellContents(cell, [["$15M contributor"]]);
    expect((await workbook.readSettings()).healthContribution).toBe("contributor");
    expect(fringe()).toBe(quoted("contributor"));
    expect(fringe()).toBeLessThan(quoted("independent"));
  });
});
