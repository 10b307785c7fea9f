// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import {
  BUDGET_SHEET,
  col,
  COMPARE_SHEET,
  COLUMNS,
  FIRST_LINE_ROW,
  TOPSHEET_SHEET,
  type Column,
  type CrewLineInput,
} from "../../src/budget";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { spendByDepartment } from "../../src/preview/SpendChart";
import { WorkbookView } from "../../src/preview/WorkbookView";

const LINES: CrewLineInput[] = [
  {
    account: "3301",
    department: "Camera",
    role: "Director of Photography",
    description: "Shoot",
    quantity: 10,
    unit: "week",
  },
  {
    account: "2501",
    department: "Grip",
    role: "Key Grip",
    description: "Shoot",
    quantity: 8,
    unit: "week",
  },
];

/** The DP's row (0-based): below the 2501 key grip and the 2500 subtotal, in chart order. */
const DP_ROW = FIRST_LINE_ROW + 1;

/** $#,##0.00, computed independently of the view's formatter. */
function money(value: number): string {
  const digits = Math.abs(value).toLocaleString("en-US", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return `${value < 0 ? "-" : ""}$${digits}`;
}

const colIndex = (name: Column) => COLUMNS.indexOf(name);

let workbook: PreviewWorkbook;

function hfValue(sheet: string, row: number, col: number): unknown {
  return workbook.hf.getCellValue({ sheet: workbook.sheetId(sheet), row, col });
}

function hfNumber(sheet: string, row: number, col: number): number {
  const value = hfValue(sheet, row, col);
  if (typeof value !== "number") throw new Error(`Expected a number, got ${String(value)}`);
  return value;
}

/** The grid cell at a 0-based row and column. */
function cell(row: number, col: number): HTMLElement {
  const grid = screen.getByRole("grid");
  const found = grid.querySelector(`td[data-row="${row}"][data-col="${col}"]`);
  if (!(found instanceof HTMLElement)) throw new Error(`No cell at row ${row}, col ${col}`);
  return found;
}

function renderView() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookView workbook={workbook} />
    </FluentProvider>,
  );
}

describe("WorkbookView", () => {
  beforeEach(async () => {
    workbook = new PreviewWorkbook(engine);
    await workbook.appendCrewLines(LINES);
  });

  afterEach(() => {
    cleanup();
  });

  it("shows the sheets, column letters, row numbers and each line's Total as money", () => {
    renderView();
    expect(screen.getAllByRole("tab")).toHaveLength(5);
    expect(screen.getByRole("tab", { name: "Budget" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tab", { name: "Topsheet" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Rate Overrides" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Production Roles" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Settings" })).toBeTruthy();
    const grid = screen.getByRole("grid", { name: "Budget sheet" });
    expect(within(grid).getByRole("columnheader", { name: "A" })).toBeTruthy();
    expect(within(grid).getByRole("columnheader", { name: "N" })).toBeTruthy();
    expect(within(grid).getByRole("rowheader", { name: "5" })).toBeTruthy();

    const row = DP_ROW;
    const total = hfNumber(BUDGET_SHEET, row, colIndex("Total"));
    expect(total).toBeGreaterThan(0);
    expect(cell(row, colIndex("Total")).textContent).toBe(money(total));
    // Other numbers are plain; the header row is the table's header.
    expect(cell(row, colIndex("Qty")).textContent).toBe("10");
    expect(cell(FIRST_LINE_ROW - 2, colIndex("Total")).textContent).toBe("Total");
    expect(cell(row, colIndex("Role")).textContent).toBe("Director of Photography");
  });

  it("edits Qty in the formula bar and shows the recomputed Total", async () => {
    const user = userEvent.setup();
    renderView();
    const row = DP_ROW;
    const before = hfNumber(BUDGET_SHEET, row, colIndex("Total"));

    await user.click(cell(row, colIndex("Qty")));
    expect(screen.getByLabelText("Selected cell").textContent).toBe(
      `${BUDGET_SHEET}!${col("Qty")}${row + 1}`,
    );
    const input = screen.getByRole<HTMLInputElement>("textbox", { name: /Contents of/ });
    expect(input.value).toBe("10");

    await user.keyboard("20{Enter}");
    expect(hfValue(BUDGET_SHEET, row, colIndex("Qty"))).toBe(20);
    const after = hfNumber(BUDGET_SHEET, row, colIndex("Total"));
    expect(after).toBeGreaterThan(before);
    expect(cell(row, colIndex("Total")).textContent).toBe(money(after));
    // Enter moves down, as in Excel.
    expect(screen.getByLabelText("Selected cell").textContent).toBe(
      `${BUDGET_SHEET}!${col("Qty")}${row + 2}`,
    );
  });

  it("shows a formula in the bar, moves with arrow keys and cancels with Escape", async () => {
    const user = userEvent.setup();
    renderView();
    const row = DP_ROW;
    await user.click(cell(row, colIndex("Fringe")));
    const input = screen.getByRole<HTMLInputElement>("textbox", { name: /Contents of/ });
    expect(input.value).toMatch(/^=IF\(B\d+="","",CREW\.FRINGE\(/);

    await user.keyboard("{ArrowRight}");
    expect(screen.getByLabelText("Selected cell").textContent).toBe(
      `${BUDGET_SHEET}!${col("Total")}${row + 1}`,
    );
    expect(input.value).toBe(`=IF(B${row + 1}="","",G${row + 1}+H${row + 1})`);

    await user.keyboard("{ArrowUp}{ArrowLeft}");
    expect(screen.getByLabelText("Selected cell").textContent).toBe(
      `${BUDGET_SHEET}!${col("Fringe")}${row}`,
    );

    await user.click(cell(row, colIndex("Qty")));
    await user.keyboard("99{Escape}");
    expect(hfValue(BUDGET_SHEET, row, colIndex("Qty"))).toBe(10);
    expect(input.value).toBe("10");
  });

  it("shows an error's code in the cell and its message when selected", async () => {
    const user = userEvent.setup();
    renderView();
    const { height } = workbook.hf.getSheetDimensions(workbook.sheetId(BUDGET_SHEET));
    const row = height + 2; // in the empty margin below the used range
    const target = cell(row, 1);
    expect(target.textContent).toBe("");

    await user.click(target);
    await user.keyboard('=CREW.RATE("Post Produce", 1){Enter}');
    const shown = cell(row, 1);
    expect(shown.textContent).toBe("#VALUE!");
    expect(shown.getAttribute("title")).toMatch(/Did you mean Post Producer/);

    await user.click(shown);
    const status = screen.getByRole("status");
    expect(within(status).getByText("#VALUE!")).toBeTruthy();
    expect(within(status).getByText(/Did you mean Post Producer/)).toBeTruthy();
    const input = screen.getByRole<HTMLInputElement>("textbox", { name: /Contents of/ });
    expect(input.value).toBe('=CREW.RATE("Post Produce", 1)');

    // Selecting a cell without an error clears the message.
    await user.keyboard("{ArrowUp}");
    expect(within(status).queryByText(/Did you mean/)).toBeNull();
  });

  it("charts Total by department on the Topsheet tab", async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByRole("tab", { name: "Topsheet" }));
    expect(screen.getByRole("grid", { name: "Topsheet sheet" })).toBeTruthy();

    const chart = screen.getByRole("img", { name: "Where the money goes" });
    const values = workbook.hf.getSheetValues(workbook.sheetId(TOPSHEET_SHEET));
    const spend = spendByDepartment(values);
    // By account: the DP rolls up to 3300, the key grip to 2500.
    expect(spend.map((d) => d.department).sort()).toEqual(["Camera Operations", "Set Operations"]);
    expect(spend[0]!.total).toBeGreaterThanOrEqual(spend[1]!.total);

    const cameraRow = values.findIndex((r) => r[1] === "Camera Operations");
    const cameraTotal = hfNumber(TOPSHEET_SHEET, cameraRow, 4);
    expect(within(chart).getByText("Camera Operations")).toBeTruthy();
    expect(within(chart).getByText(money(cameraTotal))).toBeTruthy();
    // Its account column fits the account numbers, not the title above the header (which
    // overflows, as in Excel): narrower than the Description column.
    const widths = Array.from(
      screen.getByRole("grid", { name: "Topsheet sheet" }).querySelectorAll("colgroup col"),
    ).map((c) => Number.parseFloat((c as HTMLElement).style.width));
    expect(widths[1]).toBeLessThan(widths[2]!);
    // The Topsheet's money columns are formatted too.
    expect(cell(cameraRow, 4).textContent).toBe(money(cameraTotal));
    // Accounts with nothing budgeted stay out of the chart.
    expect(within(chart).queryByText("Producer")).toBeNull();
    const labels = Array.from(chart.querySelectorAll("text")).map((t) => t.textContent);
    expect(labels.filter((l) => l === "Camera Operations" || l === "Set Operations")).toEqual(
      spend.map((d) => d.department),
    );
  });

  it("redraws on workbook changes from elsewhere", async () => {
    const user = userEvent.setup();
    renderView();
    await user.click(screen.getByRole("tab", { name: "Topsheet" }));
    const chart = () => screen.getByRole("img", { name: "Where the money goes" });
    expect(within(chart()).queryByText("Gaffer")).toBeNull();
    expect(within(chart()).queryByText(/^Electrical, Rigging/)).toBeNull();

    const focused = document.activeElement;
    await act(async () => {
      await workbook.appendCrewLines([
        {
          account: "3201",
          department: "Electric",
          role: "Gaffer",
          description: "Shoot",
          quantity: 8,
          unit: "week",
        },
      ]);
    });
    // The insert shows its line, as Excel selects the inserted lines: the Budget tab, the new
    // line's Role cell selected. At its account, between the grip and camera blocks: below the
    // 2500 subtotal.
    const row = FIRST_LINE_ROW + 1;
    expect(screen.getByRole("tab", { name: "Budget" }).getAttribute("aria-selected")).toBe("true");
    expect(cell(row, colIndex("Role")).getAttribute("aria-selected")).toBe("true");
    expect(cell(row, colIndex("Role")).textContent).toBe("Gaffer");
    expect(document.activeElement).toBe(focused);

    await user.click(screen.getByRole("tab", { name: "Topsheet" }));
    expect(within(chart()).getAllByText(/^Electrical, Rigging/).length).toBeGreaterThan(0);
    await user.click(screen.getByRole("tab", { name: "Budget" }));
    expect(cell(row, colIndex("Total")).textContent).toBe(
      money(hfNumber(BUDGET_SHEET, row, colIndex("Total"))),
    );
  });

  it("adds a Compare tab once the Compare sheet is written, and shows it", async () => {
    const user = userEvent.setup();
    renderView();
    expect(screen.queryByRole("tab", { name: COMPARE_SHEET })).toBeNull();

    await act(async () => {
      await workbook.writeCompareSheet(["LA", "GA"], "keep-home");
    });
    expect(screen.getAllByRole("tab")).toHaveLength(6);
    expect(workbook.sheetNames).toContain(COMPARE_SHEET);
    for (const name of workbook.sheetNames) expect(screen.getByRole("tab", { name })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: COMPARE_SHEET }));
    expect(cell(0, 0).textContent).toBe("Compare locations");

    // Written again: still one Compare tab.
    await act(async () => {
      await workbook.writeCompareSheet(["LA", "NY"], "all-local");
    });
    expect(screen.getAllByRole("tab", { name: COMPARE_SHEET })).toHaveLength(1);
  });
});
