// @vitest-environment jsdom
/**
 * The pane follows edits made on the sheets in Excel: the real Excel adapter over the fake Excel,
 * whose worksheets.onChanged fires as a producer types. The pane re-reads once the typing pauses
 * and leaves the keyboard focus where the producer had it.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { formatUsd } from "../../src/engine";
import {
  defaultSettings,
  OVERRIDES_SHEET,
  productionSheetRows,
  ROLES_SHEET,
  settingAddress,
  settingsRows,
  SETTINGS_SHEET,
  TABLE_FIRST_ROW,
} from "../../src/budget";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { REREAD_DELAY_MS } from "../../src/taskpane/hooks/useWorkbookState";
import { colLetters, FakeExcel, type Cell } from "../fixtures/fakeExcel";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

/** Rows as the fake's cells: "A1" → value, blanks left out. */
function cells(rows: readonly (readonly unknown[])[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        if (value !== "") out[`${colLetters(c)}${r + 1}`] = value;
      }
    });
  });
  return out;
}

/**
 * A workbook holding the Settings sheet with its defaults and the two empty production tables, as
 * the budget's setup leaves them (made directly: the pane reads these, and no crew line is needed).
 */
function excelBudget() {
  const book = new FakeExcel({
    [SETTINGS_SHEET]: cells(settingsRows()),
    [OVERRIDES_SHEET]: cells(productionSheetRows(OVERRIDES_SHEET)),
    [ROLES_SHEET]: cells(productionSheetRows(ROLES_SHEET)),
  });
  const workbook = new ExcelWorkbook({
    departments: [{ name: "Electric", account: "3200" }],
    run: book.run,
  });
  return { book, workbook };
}

async function openGaffer(user: ReturnType<typeof userEvent.setup>) {
  const search = screen.getByRole("combobox", { name: "Find a crew role" });
  await user.click(search);
  await user.type(search, "gaffer");
  await user.keyboard("{Enter}");
  await screen.findByRole("heading", { level: 2, name: "Gaffer" });
  return screen.findByRole("region", { name: "Live quote" });
}

function gafferTotal(weeks: number): string {
  const s = defaultSettings();
  return formatUsd(
    engine.quote({
      role: "Gaffer",
      quantity: weeks,
      unit: "week",
      region: s.region,
      tier: s.tier,
      date: s.budgetDate,
      hoursPerDay: s.hoursPerDay,
    }).totalCents,
  );
}

/** Types into the Person box so the focus is in the form, as when a producer is filling it in. */
async function focusPerson(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  const person = screen.getByRole("textbox", { name: /Person/ });
  await user.click(person);
  await user.type(person, "Ana");
  expect(document.activeElement).toBe(person);
  return person;
}

describe("in Excel, the pane follows the sheets", () => {
  it("re-prices after Shoot weeks is edited on the Settings sheet, keeping the focus", async () => {
    const { book, workbook } = excelBudget();
    const { user } = renderApp(workbook);
    const quote = await openGaffer(user);
    await waitFor(() => {
      expect(within(quote).getByText(gafferTotal(8))).toBeTruthy();
    });
    const person = await focusPerson(user);

    await book.edit(SETTINGS_SHEET, settingAddress("ShootWeeks"), 10);

    await waitFor(() => {
      expect(within(quote).getByText(gafferTotal(10))).toBeTruthy();
    });
    expect(screen.getByRole("option", { name: "Shoot weeks (10)" })).toBeTruthy();
    // Effects run after the render that showed the new total: let them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(person);
    expect(person).toHaveProperty("value", "Ana");
  });

  it("re-reads once for a burst of edits, after the typing pauses", async () => {
    const { book, workbook } = excelBudget();
    const { user } = renderApp(workbook);
    await openGaffer(user);
    const runs = book.runs;

    // Role, Unit and Amount of an override line, typed one after the other.
    const row = TABLE_FIRST_ROW;
    await book.edit(OVERRIDES_SHEET, `A${row}`, "Gaffer");
    await book.edit(OVERRIDES_SHEET, `C${row}`, "week");
    await book.edit(OVERRIDES_SHEET, `D${row}`, 4321);
    expect(book.runs).toBe(runs);

    const quote = screen.getByRole("region", { name: "Live quote" });
    await waitFor(() => {
      expect(quote.textContent).toContain("$4,321.00 per week");
    });
    // Settings, production tables, crew lines and the topsheet's rows: one read each, once.
    await new Promise((resolve) => setTimeout(resolve, REREAD_DELAY_MS + 50));
    expect(book.runs - runs).toBe(4);
  });

  it("leaves the focus in the form when a production table edit changes the open role's price", async () => {
    const { book, workbook } = excelBudget();
    const { user } = renderApp(workbook);
    const quote = await openGaffer(user);
    const person = await focusPerson(user);

    const row = TABLE_FIRST_ROW;
    await book.edit(OVERRIDES_SHEET, `A${row}`, "Gaffer");
    await book.edit(OVERRIDES_SHEET, `C${row}`, "week");
    await book.edit(OVERRIDES_SHEET, `D${row}`, 5000);

    await waitFor(() => {
      expect(quote.textContent).toContain("$5,000.00 per week");
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(person);
  });
});
