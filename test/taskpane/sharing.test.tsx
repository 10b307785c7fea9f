// @vitest-environment jsdom
/**
 * The pane's side of sharing: the workbook's overrides win in the live quote, "Add a role" writes a
 * production role the pane then treats like a card role, and a newer rate card is offered with
 * what it would change before anything changes.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { formatUsd, RateEngine } from "../../src/engine";
import {
  OVERRIDES_SHEET,
  ROLES_SHEET,
  settingRow,
  SETTINGS_SHEET,
  TABLE_FIRST_ROW,
} from "../../src/budget";
import { defaultSettings } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";
import { newerCard } from "../fixtures/newerCard";
import { openRole, renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();
const renderPane = renderApp;

const searchBox = () => screen.getByRole("combobox", { name: "Find a crew role" });

describe("rate overrides in the pane", () => {
  it("win in the live quote, marked as an override citing the table line", async () => {
    const port = new MemoryWorkbook();
    port.tables.overrides = [["Gaffer", "", "day", 1111, "Deal memo"]];
    const { user } = renderPane(port);
    const quote = await openRole(user, "gaffer", "Gaffer");
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
    await user.selectOptions(screen.getByRole("combobox", { name: "Unit" }), "day");

    await waitFor(() => {
      expect(within(quote).getByText("Override")).toBeTruthy();
    });
    expect(quote.textContent).toContain("$1,111.00 per day");
    expect(quote.textContent).toContain("Rate Overrides line 1: 'Deal memo'");
    // The card lists the workbook's rate first, as an override.
    const card = screen.getByRole("group", { name: "Gaffer role card" });
    expect(within(card).getAllByText("Override").length).toBeGreaterThan(0);
  });

  it("follow an edit to the sheet while the role is open, where the host reports edits", async () => {
    const workbook = new PreviewWorkbook(engine);
    const { user } = renderPane(workbook);
    const quote = await openRole(user, "gaffer", "Gaffer");
    expect(within(quote).queryByText("Override")).toBeNull();

    // Typed on the Rate Overrides sheet, as a producer would.
    const row = TABLE_FIRST_ROW - 1;
    workbook.setCell(OVERRIDES_SHEET, row, 0, "Gaffer");
    workbook.setCell(OVERRIDES_SHEET, row, 2, "week");
    workbook.setCell(OVERRIDES_SHEET, row, 3, "4321");

    await waitFor(() => {
      expect(within(quote).getByText("Override")).toBeTruthy();
    });
    expect(quote.textContent).toContain("$4,321.00 per week");
  });

  it("keep the producer's focus where it is when a table edit refreshes the open role", async () => {
    const workbook = new PreviewWorkbook(engine);
    const row = TABLE_FIRST_ROW - 1;
    for (const [col, value] of [
      "Drone Pilot",
      "Camera",
      "",
      "Flies the drone.",
      "day",
      "1200",
    ].entries()) {
      workbook.setCell(ROLES_SHEET, row, col, value);
    }
    const { user } = renderPane(workbook);
    await openRole(user, "drone pilot", "Drone Pilot");
    const person = screen.getByRole("textbox", { name: /Person/ });
    await user.click(person);
    expect(document.activeElement).toBe(person);

    // The role's own rate edited on its sheet: the card follows, the focus stays in the form.
    workbook.setCell(ROLES_SHEET, row, 5, "1300");
    await waitFor(() => {
      expect(screen.getByRole("region", { name: "Live quote" }).textContent).toContain("$1,300.00");
    });
    // Effects run after the render that showed the new rate: let them.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.activeElement).toBe(person);
  });

  it("warns, naming the line, when a table line does not read", async () => {
    const port = new MemoryWorkbook();
    port.tables.overrides = [
      ["Gaffer", "", "week", 100, ""],
      ["Gafer", "", "week", 100, ""],
    ];
    renderPane(port);
    expect(
      (await screen.findByText(/Rate Overrides line 2: Role 'Gafer' is not known/)).textContent,
    ).toContain("Did you mean Gaffer");
  });
});

describe("Add a role", () => {
  it("writes the role to the workbook, opens it as the production's own, and inserts it", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderPane(port);
    await user.click(await screen.findByRole("button", { name: "Add a role" }));
    const form = screen.getByRole("form", { name: "Add a role" });
    await user.type(within(form).getByRole("textbox", { name: "Title" }), "Drone Pilot");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Department" }), "Camera");
    await user.type(
      within(form).getByRole("textbox", { name: "Description" }),
      "Flies the aerial unit's drone.",
    );
    await user.type(within(form).getByRole("textbox", { name: "Rate ($)" }), "1200");
    await user.click(within(form).getByRole("button", { name: "Add role" }));

    expect(await screen.findByRole("heading", { level: 2, name: "Drone Pilot" })).toBeTruthy();
    expect(port.tables.roles[0]).toEqual([
      "Drone Pilot",
      "Camera",
      "",
      "Flies the aerial unit's drone.",
      "day",
      1200,
      "",
    ]);
    expect(screen.getByText(/This production's own role \(Production Roles line 1\)/)).toBeTruthy();
    const quote = screen.getByRole("region", { name: "Live quote" });
    await waitFor(() => {
      expect(quote.textContent).toContain("$1,200.00 per day");
    });
    const expected = engine.withProduction(port.tables).quote({
      role: "Drone Pilot",
      unit: "day",
      quantity: 1,
      date: defaultSettings().budgetDate,
      hoursPerDay: defaultSettings().hoursPerDay,
    });
    expect(quote.textContent).toContain(formatUsd(expected.totalCents));

    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await waitFor(() => {
      expect(port.lines.map((l) => l.role)).toEqual(["Drone Pilot"]);
    });

    // Search finds it from now on.
    await user.clear(searchBox());
    await user.type(searchBox(), "drone");
    const listbox = await screen.findByRole("listbox", { name: "Matching roles" });
    expect(within(listbox).getAllByRole("option")[0]?.textContent).toContain("Drone Pilot");
  });

  it("refuses a title the card already has, writing nothing", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderPane(port);
    await user.click(await screen.findByRole("button", { name: "Add a role" }));
    const form = screen.getByRole("form", { name: "Add a role" });
    await user.type(within(form).getByRole("textbox", { name: "Title" }), "Gaffer");
    await user.selectOptions(
      within(form).getByRole("combobox", { name: "Department" }),
      "Electric",
    );
    await user.type(within(form).getByRole("textbox", { name: "Rate ($)" }), "900");
    await user.click(within(form).getByRole("button", { name: "Add role" }));

    expect((await within(form).findByText(/already on the card as Gaffer/)).textContent).toContain(
      "Rate Overrides",
    );
    expect(port.tables.roles).toEqual([]);
  });

  it("asks for a rate rather than writing a role without one", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderPane(port);
    await user.click(await screen.findByRole("button", { name: "Add a role" }));
    const form = screen.getByRole("form", { name: "Add a role" });
    await user.type(within(form).getByRole("textbox", { name: "Title" }), "Local Fixer");
    await user.selectOptions(
      within(form).getByRole("combobox", { name: "Department" }),
      "Production Staff",
    );
    await user.click(within(form).getByRole("button", { name: "Add role" }));
    // The sheet's own words for an empty Rate cell (it once had a message of its own here).
    expect(await within(form).findByText(/Rate is empty: give it in dollars per day/)).toBeTruthy();
    expect(port.tables.roles).toEqual([]);
  });
});

describe("a newer rate card", () => {
  const newer = new RateEngine(newerCard());

  function pinnedBudget() {
    const port = new MemoryWorkbook({ settings: { cardVersion: "2026.1" } });
    return port;
  }

  it("is offered with each changed line, old and new totals and the budget difference; update and undo are one click", async () => {
    const port = pinnedBudget();
    await port.appendCrewLines([
      {
        account: "3301",
        department: "Camera",
        role: "Director of Photography",
        person: "Pat",
        description: "DP",
        quantity: 8,
        unit: "week",
      },
      {
        account: "3300",
        department: "Electric",
        role: "Gaffer",
        description: "Gaffer",
        quantity: 8,
        unit: "week",
      },
      {
        account: "3301",
        department: "Camera",
        role: "Director of Photography",
        person: "Pat",
        description: "DP prep",
        quantity: 2,
        unit: "week",
      },
    ]);
    const { user } = renderPane(port, newer);

    expect(await screen.findByText("Rate card 2026.2 is available")).toBeTruthy();
    expect(port.settings.cardVersion).toBe("2026.1");
    await user.click(screen.getByRole("button", { name: "Review changes" }));

    const table = await screen.findByRole("table", { name: "Lines that change with card 2026.2" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1]?.textContent)).toEqual([
      "Director of Photography",
      "Director of Photography",
    ]);
    // The figures are the engine's, pricing the person's lines in order as the sheet does.
    const settings = defaultSettings();
    const at = (version: string, quantity: number, wagesToDate: number) =>
      newer.forVersion(version).quoteFast({
        role: "Director of Photography",
        quantity,
        date: settings.budgetDate,
        hoursPerDay: settings.hoursPerDay,
        region: settings.region,
        tier: settings.tier,
        wagesToDate,
      });
    const old1 = at("2026.1", 8, 0);
    const new1 = at("2026.2", 8, 0);
    expect(rows[0]?.textContent).toContain(formatUsd(old1.totalCents));
    expect(rows[0]?.textContent).toContain(formatUsd(new1.totalCents));
    const old3 = at("2026.1", 2, old1.subtotalCents / 100);
    const new3 = at("2026.2", 2, new1.subtotalCents / 100);
    expect(rows[1]?.textContent).toContain(formatUsd(new3.totalCents));
    const difference = new1.totalCents + new3.totalCents - (old1.totalCents + old3.totalCents);
    expect(screen.getByLabelText("Budget difference").textContent).toContain(
      `+${formatUsd(difference)}`,
    );
    expect(port.settings.cardVersion).toBe("2026.1"); // nothing changed yet

    await user.click(screen.getByRole("button", { name: "Update to 2026.2" }));
    await waitFor(() => {
      expect(port.settings.cardVersion).toBe("2026.2");
    });
    await user.click(await screen.findByRole("button", { name: "Set it back to 2026.1" }));
    await waitFor(() => {
      expect(port.settings.cardVersion).toBe("2026.1");
    });
    expect(await screen.findByText("Rate card 2026.2 is available")).toBeTruthy();
  });

  it("is not offered when the budget already uses the newest card", async () => {
    const port = new MemoryWorkbook({ settings: { cardVersion: "2026.2" } });
    renderPane(port, newer);
    await screen.findByText(/rate card/i);
    expect(screen.queryByText("Rate card 2026.2 is available")).toBeNull();
  });
});

describe("a settings change that moves lines off union scales", () => {
  it("is said in the pane, with how many lines and what it does to their fringes", async () => {
    const workbook = new PreviewWorkbook(engine);
    // Local 800 in Los Angeles; no book on the card prices a production designer in Georgia.
    await workbook.appendCrewLines([crewLine("Production Designer", 8, "week")]);
    renderPane(workbook);
    await screen.findByRole("combobox", { name: "Find a crew role" });
    await waitFor(() => {
      expect(screen.getByText(/Los Angeles · Studio/)).toBeTruthy();
    });

    workbook.setCell(SETTINGS_SHEET, settingRow("Region") - 1, 1, "Georgia");

    const note = await screen.findByText(/Changing Region to Georgia/);
    const bar = note.closest("[role=status]");
    expect(bar?.textContent).toMatch(/moved 1 line from union scales to non-union estimates/);
    expect(bar?.textContent).toMatch(/Production Designer/);
    expect(bar?.textContent).toMatch(/fringes went from \$[\d,.]+ to \$[\d,.]+/);
  });
});
