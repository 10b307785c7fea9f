/**
 * The Production budget setting (TotalBudget), on Settings!B13: blank is not set,
 * dollars as a number or as typed text, anything else named by its cell; and a workbook from
 * before the setting existed (no such row) reads as not set.
 */
import { describe, expect, it } from "vitest";
import {
  defaultSettings,
  settingFormat,
  settingRow,
  SETTING_NAMES,
  SETTINGS,
  settingsFromCells,
  MONEY_FORMAT,
  type SettingName,
} from "../../src/budget";

/** Settings!B2 down as a workbook holds them: the defaults, with `total` in Production budget. */
function cellsWith(total: unknown, names: readonly SettingName[] = SETTING_NAMES): unknown[][] {
  return names.map((name) => {
    if (name === "TotalBudget") return [total];
    if (name === "BudgetDate") return [defaultSettings().budgetDate];
    const spec = SETTINGS.find((s) => s.name === name);
    return [name === "ProductionTables" ? "tables" : spec?.value];
  });
}

describe("the Production budget setting", () => {
  it("is on Settings!B13, labelled Production budget, blank by default", () => {
    expect(settingRow("TotalBudget")).toBe(13);
    const spec = SETTINGS.find((s) => s.name === "TotalBudget");
    expect(spec).toMatchObject({ label: "Production budget", value: "" });
    expect(spec?.note).toMatch(/CREW\.TIER\(TotalBudget\)/);
    expect(defaultSettings().totalBudget).toBeUndefined();
    // Dollars, never text: a number typed there stays a number.
    expect(spec && settingFormat(spec)).toBe(MONEY_FORMAT);
  });

  it.each<[unknown, number | undefined]>([
    ["", undefined],
    [null, undefined],
    ["  ", undefined],
    [7_500_000, 7_500_000],
    [0, 0],
    ["7500000", 7_500_000],
    ["$7,500,000", 7_500_000],
    ["$7.5M", 7_500_000],
    ["950k", 950_000],
  ])("reads %j as %j", (cell, expected) => {
    expect(settingsFromCells(cellsWith(cell)).totalBudget).toBe(expected);
  });

  it("names the cell when it holds something that is not dollars", () => {
    for (const bad of ["lots", -5, "7.5 million", 2e12]) {
      expect(() => settingsFromCells(cellsWith(bad))).toThrow(
        `Settings!B13 (Production budget) must be an amount of dollars, such as 7500000; it holds '${String(bad)}'.`,
      );
    }
  });

  it("reads a budget from before the setting existed as not set", () => {
    const older = cellsWith(
      undefined,
      SETTING_NAMES.slice(0, SETTING_NAMES.indexOf("TotalBudget")),
    );
    expect(settingsFromCells(older).totalBudget).toBeUndefined();
  });
});
