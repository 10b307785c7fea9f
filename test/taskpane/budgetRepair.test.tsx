// @vitest-environment jsdom
/**
 * The pane puts right what a producer's edit broke (reliability audit F7): a renamed budget
 * table is said, with one button that gives it its name back; a deleted Settings sheet is said,
 * with one button that rebuilds it, in Excel (the real adapter over the fake Excel), in the
 * preview and in the memory workbook.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  BUDGET_TABLE,
  COLUMNS,
  FIRST_LINE_ROW,
  SETTING_NAMES,
  settingAddress,
  SETTINGS_SHEET,
  BUDGET_SHEET,
} from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { engine } from "../../src/data";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { FakeExcel } from "../fixtures/fakeExcel";
import { crewLine } from "../fixtures/crewLine";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

/** The warning or error bar whose text matches. */
async function barWith(text: RegExp): Promise<HTMLElement> {
  const found = await screen.findAllByRole("alert");
  const bar = found.find((el) => text.test(el.textContent));
  if (!bar)
    throw new Error(`no bar says ${String(text)}: ${found.map((b) => b.textContent).join(" | ")}`);
  return bar;
}

async function excelBudget() {
  const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
  const workbook = new ExcelWorkbook({
    departments: [{ name: "Camera", account: "3300" }],
    run: book.run,
  });
  await workbook.ensureBudget();
  await workbook.appendCrewLines([crewLine("Director of Photography", 8, "week")]);
  return { book, workbook };
}

describe("a renamed budget table", () => {
  it("is said, with a button that gives it its name back, and the pane reads the lines again", async () => {
    const port = new MemoryWorkbook();
    await port.appendCrewLines([crewLine("Gaffer", 5, "week")]);
    port.renamedTable = "Table1";
    const { user } = renderApp(port);

    const bar = await barWith(/called "Table1" now/);
    await user.click(
      within(bar).getByRole("button", { name: `Rename "Table1" back to ${BUDGET_TABLE}` }),
    );

    expect(port.repairCalls).toEqual([{ kind: "rename-table", table: "Table1" }]);
    const done = await screen.findByRole("status");
    expect(done.textContent).toContain(`The budget table is called ${BUDGET_TABLE} again`);
    await waitFor(() => {
      expect(screen.queryByText(/called "Table1" now/)).toBeNull();
    });
  });

  it("in Excel: the pane's button renames the real table back, lines untouched", async () => {
    const { book, workbook } = await excelBudget();
    await book.run(async (context) => {
      context.workbook.tables.getItem(BUDGET_TABLE).name = "Crew 2027";
      await context.sync();
    });
    const lines = structuredClone(book.state.cells.get(BUDGET_SHEET));
    const { user } = renderApp(workbook);

    const bar = await barWith(/called "Crew 2027" now/);
    expect(bar.textContent).not.toMatch(/clear those cells/);
    await user.click(within(bar).getByRole("button", { name: /back to CrewBudget/ }));

    await screen.findByText(`The budget table is called ${BUDGET_TABLE} again`);
    expect(book.table(BUDGET_TABLE)?.sheet).toBe(BUDGET_SHEET);
    expect(book.state.cells.get(BUDGET_SHEET)).toEqual(lines);
  });
});

describe("a deleted Settings sheet", () => {
  it("is said, with a button that rebuilds it instead of 'Create the budget sheets'", async () => {
    const port = new MemoryWorkbook({ settings: { region: "Georgia" } });
    port.settingsMissing = true;
    const { user } = renderApp(port);

    const bar = await barWith(/Settings sheet is gone/);
    expect(within(bar).queryByRole("button", { name: "Create the budget sheets" })).toBeNull();
    await user.click(within(bar).getByRole("button", { name: "Rebuild the Settings sheet" }));

    expect(port.repairCalls).toEqual([{ kind: "rebuild-settings" }]);
    expect((await screen.findByRole("status")).textContent).toContain("Rebuilt the Settings sheet");
    // The rebuilt sheet holds the defaults, and the pane reads them.
    await screen.findByText(/Los Angeles · Studio/);
    expect(port.settings.region).toBe("Los Angeles");
  });

  it("in Excel: rebuilds the sheet and points the settings' names at it again", async () => {
    const { book, workbook } = await excelBudget();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SETTINGS_SHEET).delete();
      await context.sync();
    });
    expect(book.state.names.get("Region")).toMatch(/^=#REF!/);
    const { user } = renderApp(workbook);

    const bar = await barWith(/Settings sheet is gone/);
    await user.click(within(bar).getByRole("button", { name: "Rebuild the Settings sheet" }));

    await screen.findByText("Rebuilt the Settings sheet");
    await screen.findByText(/Los Angeles · Studio/);
    for (const name of SETTING_NAMES) {
      expect(book.state.names.get(name)).toBe(`=${settingAddress(name)}`);
    }
  });

  it("in the preview: rebuilds it, and the crew lines price again", async () => {
    const workbook = new PreviewWorkbook(engine);
    await workbook.appendCrewLines([crewLine("Gaffer", 5, "week")]);
    const total = () =>
      workbook.hf.getCellValue({
        sheet: workbook.sheetId(BUDGET_SHEET),
        row: FIRST_LINE_ROW - 1,
        col: COLUMNS.indexOf("Total"),
      });
    const priced = total();
    expect(typeof priced).toBe("number");
    workbook.hf.removeSheet(workbook.sheetId(SETTINGS_SHEET));
    expect(typeof total()).not.toBe("number");
    const { user } = renderApp(workbook);

    const bar = await barWith(/Settings sheet is gone/);
    await user.click(within(bar).getByRole("button", { name: "Rebuild the Settings sheet" }));

    await screen.findByText("Rebuilt the Settings sheet");
    expect(total()).toBe(priced);
  });
});
