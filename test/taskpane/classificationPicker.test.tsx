// @vitest-environment jsdom
/**
 * The role card's Scale classification picker: it lists what the engine lists for the line, the
 * live quote prices on the pick, and the inserted line's Agreement cell holds the text a typed
 * CREW formula takes, so the sheet, the formula and the pane agree to the cent.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { formatUsd } from "../../src/engine";
import { BUDGET_SHEET, COLUMNS, FIRST_LINE_ROW } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { buildCrewWorkbook } from "../../src/functions/hyperformula";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

type User = ReturnType<typeof userEvent.setup>;

const searchBox = () => screen.getByRole("combobox", { name: "Find a crew role" });
const picker = () => screen.getByRole("combobox", { name: "Scale classification" });

/** A figure the live quote shows beside its term ("Total", "Subtotal"). */
function shown(quote: HTMLElement, term: string): string | null | undefined {
  return within(quote).getByText(term, { selector: "dt" }).nextElementSibling?.textContent;
}

/** Opens a role's card from the search and budgets one unit of it. */
async function openOne(user: User, query: string, title: string): Promise<HTMLElement> {
  await user.click(searchBox());
  await user.type(searchBox(), query);
  await user.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { level: 2, name: title })).toBeTruthy();
  await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
  const quantity = screen.getByRole("spinbutton", { name: "Quantity" });
  await user.clear(quantity);
  await user.type(quantity, "1");
  return screen.findByRole("region", { name: "Live quote" });
}

/** The picker's options (queried directly: a role query computes every option's name). */
function options(): HTMLOptionElement[] {
  return [...picker().querySelectorAll("option")];
}

/** Picks the option labelled `label`. */
async function pick(user: User, label: string): Promise<void> {
  const option = options().find((o) => o.textContent === label);
  expect(option, label).toBeTruthy();
  await user.selectOptions(picker(), option!);
}

/** What a typed formula computes in HyperFormula, the same functions Excel runs. */
function evaluate(formula: string): number {
  const hf = buildCrewWorkbook(engine, { S: [[formula]] });
  const value = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
  hf.destroy();
  expect(typeof value).toBe("number");
  return Number(value);
}

const usd = (dollars: number) => formatUsd(Math.round(dollars * 100));

// Each test drives the whole pane in jsdom; on the shared 2-core machine one takes 10-20 s.
describe("the Scale classification picker", { timeout: 60_000 }, () => {
  it("starts as the card sets it and lists the role's own classification first", async () => {
    const { user } = renderApp(new MemoryWorkbook());
    await openOne(user, "gaffer", "Gaffer");
    expect(picker()).toHaveProperty("value", "");
    expect(options().find((o) => o.selected)?.textContent).toBe(
      "Scale classification: as the card sets it",
    );
    const groups = [...picker().querySelectorAll("optgroup")];
    const listed = engine.classificationsFor(engine.findRole("Gaffer"));
    expect(groups.map((g) => g.label)).toEqual(listed.map((g) => g.label));
    expect([...groups[0]!.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "CLT · Local 728 #5401",
      "CLT · IATSE One-Hour #5401",
      "CLT · IATSE Season 2 #5401",
    ]);
    expect(options()).toHaveLength(1 + listed.reduce((n, g) => n + g.choices.length, 0));
    expect(options().map((o) => o.textContent)).toContain("Sub-Foreman · Local 728 #5411");
  });

  it("prices the line on the pick, as a typed CREW.RATE with the same agreement does", async () => {
    const { user } = renderApp(new MemoryWorkbook());
    const quote = await openOne(user, "gaffer", "Gaffer");
    const before = shown(quote, "Subtotal");
    await pick(user, "Sub-Foreman · Local 728 #5411");
    await waitFor(() => {
      expect(shown(quote, "Subtotal")).not.toBe(before);
    });
    const typed = evaluate('=CREW.RATE("Gaffer",1,"week","Local 728 #5411")');
    expect(shown(quote, "Subtotal")).toBe(usd(typed));
    expect(within(quote).getByText("Classification chosen: Sub-Foreman (5411)")).toBeTruthy();
    expect(picker()).toHaveProperty("value", "Local 728 #5411");
    // The Agreement says the line's agreement comes from the classification.
    const agreement = screen.getByRole("combobox", { name: "Agreement" });
    expect(agreement).toHaveProperty("value", "Local 728 #5411");
    expect([...agreement.querySelectorAll("option")].find((o) => o.selected)?.textContent).toBe(
      "IATSE Basic Agreement (by the classification)",
    );
    // Back to the card's own: the first price again.
    await pick(user, "Scale classification: as the card sets it");
    await waitFor(() => {
      expect(shown(quote, "Subtotal")).toBe(before);
    });
    expect(screen.queryByText(/Classification chosen/)).toBeNull();
  });

  it("names the further schedule it picked (the DGA's distant location week)", async () => {
    const { user } = renderApp(new MemoryWorkbook());
    const quote = await openOne(user, "UPM", "Unit Production Manager");
    await pick(
      user,
      "Unit Production Manager, schedule distant location · DGA #upm distant location",
    );
    expect(
      await within(quote).findByText(
        "Classification chosen: Unit Production Manager (upm), schedule distant location",
      ),
    ).toBeTruthy();
    expect(shown(quote, "Rate")).toContain(`${usd(9830)} per week`);
  });

  it("gives the inserted line's Agreement cell the pick's text, and the sheet the pane's price", async () => {
    const workbook = new PreviewWorkbook(engine);
    const { user } = renderApp(workbook);
    const quote = await openOne(user, "gaffer", "Gaffer");
    await pick(user, "Sub-Foreman · Local 728 #5411");
    await waitFor(() => {
      expect(within(quote).queryByText(/Classification chosen/)).toBeTruthy();
    });
    const subtotal = shown(quote, "Subtotal");
    const total = shown(quote, "Total");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    const cell = (column: (typeof COLUMNS)[number]) =>
      workbook.hf.getCellValue({
        sheet: workbook.sheetId(BUDGET_SHEET),
        row: FIRST_LINE_ROW - 1,
        col: COLUMNS.indexOf(column),
      });
    expect(cell("Agreement")).toBe("Local 728 #5411");
    expect(usd(Number(cell("Subtotal")))).toBe(subtotal);
    expect(usd(Number(cell("Total")))).toBe(total);
    expect(String(cell("Basis"))).toMatch(/^(Published|Estimate) \(IATSE Basic Agreement/);
  });

  it("lists the region's books when the line is priced elsewhere", async () => {
    const { user } = renderApp(new MemoryWorkbook());
    const quote = await openOne(user, "gaffer", "Gaffer");
    await user.selectOptions(screen.getByRole("combobox", { name: "Region" }), "Georgia");
    await pick(user, "Key (grade table) · ASA #grade-key");
    const expected = engine.quote({
      role: "Gaffer",
      quantity: 1,
      unit: "week",
      agreement: "ASA #grade-key",
      region: "Georgia",
      hoursPerDay: 12,
    });
    await waitFor(() => {
      expect(shown(quote, "Subtotal")).toBe(formatUsd(expected.subtotalCents));
    });
    expect(within(quote).getByText(/IATSE Area Standards Agreement · Georgia/)).toBeTruthy();
  });
});
