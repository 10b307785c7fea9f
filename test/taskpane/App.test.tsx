// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { engine } from "../../src/data";
import { formatUsd, type QuoteRequest } from "../../src/engine";
import { BUDGET_SHEET, COLUMNS, FIRST_LINE_ROW } from "../../src/budget";
import { defaultSettings } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { WorkbookError, type WorkbookPort } from "../../src/budget";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { typicalCrewLines } from "../../src/taskpane/typicalCrews";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

function renderPane(): { user: ReturnType<typeof userEvent.setup>; port: MemoryWorkbook };
function renderPane<P extends WorkbookPort>(
  port: P,
): { user: ReturnType<typeof userEvent.setup>; port: P };
function renderPane(port: WorkbookPort = new MemoryWorkbook()) {
  return renderApp(port);
}

const searchBox = () => screen.getByRole("combobox", { name: "Find a crew role" });
/** The search results shown (not the options of the form's selects). */
function options(): HTMLElement[] {
  const listbox = screen.queryByRole("listbox", { name: "Matching roles" });
  return listbox ? within(listbox).queryAllByRole("option") : [];
}

/** The total the pane must show: the engine's, with the workbook's date and hours per day. */
function expectedTotal(request: QuoteRequest, settings = defaultSettings()): string {
  return formatUsd(
    engine.quote({
      region: settings.region,
      tier: settings.tier,
      date: settings.budgetDate,
      hoursPerDay: settings.hoursPerDay,
      ...request,
    }).totalCents,
  );
}

/** The total the live quote shows: the figure beside its "Total" term. */
function shownTotal(quote: HTMLElement): string | null | undefined {
  return within(quote).getByText("Total", { selector: "dt" }).nextElementSibling?.textContent;
}

/** Searches, opens the first result with Enter, and waits for the quote. */
async function openRole(user: ReturnType<typeof userEvent.setup>, query: string, title: string) {
  await user.click(searchBox());
  await user.type(searchBox(), query);
  expect(options()[0]).toHaveProperty("textContent", expect.stringContaining(title));
  await user.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { level: 2, name: title })).toBeTruthy();
  return screen.findByRole("region", { name: "Live quote" });
}

describe("search", () => {
  it.each([
    ["post prod", "Post Producer"],
    ["gafer", "Gaffer"],
    ["DP", "Director of Photography"],
  ])("%j finds %s first", async (query, title) => {
    const { user } = renderPane();
    await user.type(searchBox(), query);
    const first = options()[0];
    expect(first?.textContent).toContain(title);
  });

  it("shows each result's department and account", async () => {
    const { user } = renderPane();
    await user.type(searchBox(), "gaffer");
    const gaffer = engine.findRole("gaffer");
    expect(options()[0]?.textContent).toContain(`Electric · ${gaffer.account}`);
  });

  it("browses a department's roles with no text typed", async () => {
    const { user } = renderPane();
    await user.selectOptions(screen.getByRole("combobox", { name: "Department" }), "Camera");
    const titles = options().map((o) => o.textContent);
    const camera = engine.roles.filter((r) => r.department === "camera");
    expect(titles).toHaveLength(camera.length);
    expect(titles[0]).toContain("Director of Photography");
  });

  it("filters typed results by department", async () => {
    const { user } = renderPane();
    await user.selectOptions(screen.getByRole("combobox", { name: "Department" }), "Grip");
    await user.type(searchBox(), "best boy");
    expect(options().map((o) => o.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining("Best Boy Grip")]),
    );
    expect(options().some((o) => o.textContent?.includes("Best Boy Electric"))).toBe(false);
  });

  it("says so when nothing matches", async () => {
    const { user } = renderPane();
    await user.type(searchBox(), "zzzzqqq");
    expect(options()).toHaveLength(0);
    expect(screen.getByText(/No roles match/)).toBeTruthy();
  });
});

describe("keyboard", () => {
  it("moves the highlight with ArrowDown and ArrowUp", async () => {
    const { user } = renderPane();
    await user.type(searchBox(), "best boy");
    const selected = () => options().findIndex((o) => o.getAttribute("aria-selected") === "true");
    expect(selected()).toBe(0);
    expect(searchBox().getAttribute("aria-activedescendant")).toBe(options()[0]?.id);
    await user.keyboard("{ArrowDown}");
    expect(selected()).toBe(1);
    expect(searchBox().getAttribute("aria-activedescendant")).toBe(options()[1]?.id);
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}");
    expect(selected()).toBe(2);
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(selected()).toBe(0);
  });

  it("opens the highlighted role's card with Enter", async () => {
    const { user } = renderPane();
    await user.type(searchBox(), "best boy");
    const second = options()[1]?.textContent ?? "";
    await user.keyboard("{ArrowDown}{Enter}");
    const heading = await screen.findByRole("heading", { level: 2 });
    expect(second).toContain(heading.textContent);
    expect(document.activeElement).toBe(heading);
    expect(options()).toHaveLength(0);
  });

  it("clears the search with Escape", async () => {
    const { user } = renderPane();
    await user.type(searchBox(), "gaffer");
    expect(options().length).toBeGreaterThan(0);
    await user.keyboard("{Escape}");
    expect(searchBox()).toHaveProperty("value", "");
    expect(options()).toHaveLength(0);
  });

  it("shows the results again when typing after a role is open", async () => {
    const { user } = renderPane();
    await openRole(user, "gaffer", "Gaffer");
    await user.click(searchBox());
    await user.type(searchBox(), " electric");
    expect(options().length).toBeGreaterThan(0);
  });
});

describe("role card", () => {
  it("shows the description, responsibilities, skills and rates with their kind and source", async () => {
    const { user } = renderPane();
    await openRole(user, "gaffer", "Gaffer");
    const role = engine.findRole("gaffer");
    const card = screen.getByRole("group", { name: "Gaffer role card" });
    expect(within(card).getByText(role.description)).toBeTruthy();
    expect(within(card).getByText(role.responsibilities[0] ?? "")).toBeTruthy();
    expect(within(card).getByText(role.skills[0] ?? "")).toBeTruthy();

    const iatse = within(card).getByRole("table", { name: "IATSE Basic Agreement rates" });
    const nonUnion = within(card).getByRole("table", { name: "Non-union rates" });
    expect(within(nonUnion).getAllByText("Estimate").length).toBeGreaterThan(0);
    expect(within(iatse).getAllByText(/IATSE Local 728 rate card/).length).toBeGreaterThan(0);
    // Rates in force on the budget date only, until asked for every period.
    const inForce = within(iatse).getAllByRole("row").length;
    await user.click(within(card).getByRole("switch", { name: "Show every period and tier" }));
    expect(within(iatse).getAllByRole("row").length).toBeGreaterThan(inForce);
    expect(within(iatse).getAllByText("Published").length).toBeGreaterThan(0);
  });

  it("lists published rates with their sources for a role with a printed scale", async () => {
    const { user } = renderPane();
    await openRole(user, "DP", "Director of Photography");
    const table = screen.getByRole("table", { name: "IATSE Basic Agreement rates" });
    expect(within(table).getAllByText("Published").length).toBeGreaterThan(0);
    expect(within(table).getAllByText(/Local #600 Wage Schedules/).length).toBeGreaterThan(0);
    const link = within(table).getAllByRole("link", { name: "(open)" })[0];
    expect(link?.getAttribute("href")).toMatch(/^https:\/\//);
  });
});

describe("live quote", () => {
  it("prices a weekly role for the shoot weeks on the Settings sheet", async () => {
    const { user } = renderPane();
    const quote = await openRole(user, "gaffer", "Gaffer");
    expect(
      within(quote).getByText(expectedTotal({ role: "Gaffer", quantity: 8, unit: "week" })),
    ).toBeTruthy();
  });

  it("uses the workbook's settings, so the pane's number is the sheet's", async () => {
    const settings = { ...defaultSettings(), shootWeeks: 10, hoursPerDay: 10, tier: "Tier 2" };
    const { user } = renderPane(new MemoryWorkbook({ settings }));
    const quote = await openRole(user, "gaffer", "Gaffer");
    expect(
      within(quote).getByText(
        expectedTotal({ role: "Gaffer", quantity: 10, unit: "week" }, settings),
      ),
    ).toBeTruthy();
  });

  it("updates the total when the quantity changes", async () => {
    const { user } = renderPane();
    const quote = await openRole(user, "gaffer", "Gaffer");
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
    const quantity = screen.getByRole("spinbutton", { name: "Quantity" });
    await user.clear(quantity);
    await user.type(quantity, "3");
    expect(
      within(quote).getByText(expectedTotal({ role: "Gaffer", quantity: 3, unit: "week" })),
    ).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Unit" }), "day");
    await user.type(quantity, "5");
    expect(
      within(quote).getByText(expectedTotal({ role: "Gaffer", quantity: 35, unit: "day" })),
    ).toBeTruthy();
    expect(within(quote).getByText(/How this is figured/)).toBeTruthy();
  });

  it("fixes the quantity when a number is typed over a phase's weeks", async () => {
    const { user, port } = renderPane();
    const quote = await openRole(user, "gaffer", "Gaffer");
    const quantity = screen.getByRole("spinbutton", { name: "Quantity" });
    expect(quantity).toHaveProperty("value", "8");
    await user.clear(quantity);
    await user.type(quantity, "10");
    expect(screen.getByRole("combobox", { name: "Budget for" })).toHaveProperty("value", "number");
    expect(
      within(quote).getByText(expectedTotal({ role: "Gaffer", quantity: 10, unit: "week" })),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    expect(port.lines[0]).toMatchObject({ quantity: 10, unit: "week", description: "Gaffer" });
  });

  it("starts a typed quantity from the phase's weeks, so the total does not jump", async () => {
    const { user } = renderPane();
    const quote = await openRole(user, "gaffer", "Gaffer");
    const before = within(quote).getByText(
      expectedTotal({ role: "Gaffer", quantity: 8, unit: "week" }),
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
    expect(screen.getByRole("spinbutton", { name: "Quantity" })).toHaveProperty("value", "8");
    expect(within(quote).getByText(before.textContent ?? "")).toBeTruthy();
  });

  it("asks for a quantity instead of showing a number when the box is empty", async () => {
    const { user } = renderPane();
    const quote = await openRole(user, "gaffer", "Gaffer");
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
    await user.clear(screen.getByRole("spinbutton", { name: "Quantity" }));
    expect(within(quote).getByRole("alert").textContent).toContain(
      "Enter a quantity from 0 to 10,000.",
    );
    expect(screen.getByRole("button", { name: "Insert crew line" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("shows the NO_RATE message instead of a number for an agreement with no rate", async () => {
    const { user } = renderPane();
    const quote = await openRole(user, "post prod", "Post Producer");
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Agreement" }),
      "IATSE Basic Agreement",
    );
    const alert = within(quote).getByRole("alert");
    expect(alert.textContent).toContain("No rate for this combination");
    expect(alert.textContent).toContain(
      "the card has no IATSE Basic Agreement scale for this role",
    );
    expect(within(quote).queryByText("Total")).toBeNull();
    expect(within(quote).queryByText(/^\$/)).toBeNull();
    expect(screen.getByRole("button", { name: "Insert crew line" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("names the customary agreement the role falls under", async () => {
    const { user } = renderPane();
    await openRole(user, "gaffer", "Gaffer");
    const agreement = screen.getByRole("combobox", { name: "Agreement" });
    expect(
      within(agreement).getByRole("option", { name: "Customary (IATSE Basic Agreement)" }),
    ).toBeTruthy();
  });
});

describe("insert", () => {
  it("inserts the open role as one crew line following the shoot weeks", async () => {
    const { user, port } = renderPane();
    await openRole(user, "gafer", "Gaffer");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain(`Added Gaffer to the budget (row ${FIRST_LINE_ROW})`);
    expect(port.appendCalls).toHaveLength(1);
    expect(port.appendCalls[0]).toEqual([
      {
        account: engine.findRole("gaffer").account,
        department: "Electric",
        role: "Gaffer",
        person: undefined,
        description: "Gaffer, shoot",
        agreement: undefined,
        quantity: "shoot",
        unit: "week",
        region: undefined,
        tier: undefined,
      },
    ]);
  });

  it("writes the choices that differ from the settings, and the person", async () => {
    const { user, port } = renderPane();
    await openRole(user, "DP", "Director of Photography");
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
    const quantity = screen.getByRole("spinbutton", { name: "Quantity" });
    await user.clear(quantity);
    await user.type(quantity, "12");
    await user.selectOptions(screen.getByRole("combobox", { name: "Unit" }), "day");
    await user.selectOptions(screen.getByRole("combobox", { name: "Agreement" }), "Non-union");
    await user.selectOptions(screen.getByRole("combobox", { name: "Region" }), "New York");
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget tier" }), "Studio");
    await user.type(screen.getByRole("textbox", { name: /Person/ }), "Ana Ruiz");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    expect(port.appendCalls).toEqual([
      [
        {
          account: engine.findRole("director-of-photography").account,
          department: "Camera",
          role: "Director of Photography",
          person: "Ana Ruiz",
          description: "Director of Photography",
          agreement: "Non-union",
          quantity: 12,
          unit: "day",
          region: "New York",
          // Studio is the Budget tier setting: the line keeps following the setting.
          tier: undefined,
        },
      ],
    ]);
  });

  it("disables the button while the workbook is being written", async () => {
    const { user, port } = renderPane();
    const release = port.holdNextAppend();
    await openRole(user, "gaffer", "Gaffer");
    const button = screen.getByRole("button", { name: "Insert crew line" });
    await user.click(button);
    expect(button).toHaveProperty("disabled", true);
    await user.click(button);
    release();
    await screen.findByRole("status");
    expect(button).toHaveProperty("disabled", false);
    expect(port.appendCalls).toHaveLength(1);
  });

  it("inserts a department's typical crew in one call, with a progress bar while it runs", async () => {
    const { user, port } = renderPane();
    const release = port.holdNextAppend();
    await user.selectOptions(screen.getByRole("combobox", { name: "Department" }), "Camera");
    const expected = typicalCrewLines(engine, "camera");
    await user.click(
      screen.getByRole("button", {
        name: `Insert typical Camera crew (${expected.length} lines)`,
      }),
    );
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    release();
    const status = await screen.findByRole("status", {}, { timeout: 10_000 });
    expect(status.textContent).toContain(
      `Added ${expected.length} Camera lines to the budget (rows ${FIRST_LINE_ROW}–${FIRST_LINE_ROW + expected.length - 1})`,
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(port.appendCalls).toEqual([expected]);
  });

  it("offers the open role's department crew too", async () => {
    const { user, port } = renderPane();
    await openRole(user, "key grip", "Key Grip");
    const expected = typicalCrewLines(engine, "grip");
    await user.click(
      screen.getByRole("button", { name: `Insert typical Grip crew (${expected.length} lines)` }),
    );
    await screen.findByRole("status");
    expect(port.appendCalls).toEqual([expected]);
  });

  it("shows a readable error when the append fails, stays usable, and retries", async () => {
    const { user, port } = renderPane();
    port.failNextAppend(new WorkbookError("The CrewBudget table is being edited."));
    await openRole(user, "gaffer", "Gaffer");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Problem with the workbook");
    expect(alert.textContent).toContain(
      "The CrewBudget table is being edited. Nothing in the budget was changed.",
    );
    expect(port.lines).toHaveLength(0);

    // Still usable: the form and search work, and Try again writes the same line.
    expect(screen.getByRole("button", { name: "Insert crew line" })).toHaveProperty(
      "disabled",
      false,
    );
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("Added Gaffer to the budget");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(port.appendCalls).toHaveLength(2);
    expect(port.lines).toHaveLength(1);

    await user.clear(searchBox());
    await user.type(searchBox(), "DP");
    expect(options()[0]?.textContent).toContain("Director of Photography");
  });

  it("shows an unexpected failure's own message", async () => {
    const { user, port } = renderPane();
    port.failNextAppend(new TypeError("Cannot read properties of undefined (reading 'rows')"));
    await openRole(user, "gaffer", "Gaffer");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Something went wrong: Cannot read properties of undefined (reading 'rows')",
    );
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    expect((await screen.findByRole("status")).textContent).toContain("Added Gaffer");
  });
});

describe("with the preview's spreadsheet", () => {
  it("shows the total that the inserted line's formulas compute", async () => {
    const workbook = new PreviewWorkbook(engine);
    const { user } = renderPane(workbook);
    const quote = await openRole(user, "gaffer", "Gaffer");
    await user.selectOptions(screen.getByRole("combobox", { name: "Agreement" }), "Non-union");
    await user.selectOptions(screen.getByRole("combobox", { name: "Region" }), "New York");
    await user.type(screen.getByRole("textbox", { name: /Person/ }), "Ana Ruiz");
    // Read before inserting: afterwards the quote counts this line toward Ana Ruiz's yearly caps.
    const shown = shownTotal(quote);
    expect(shown).toMatch(/^\$[\d,]+\.\d\d$/);
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    const total = workbook.hf.getCellValue({
      sheet: workbook.sheetId(BUDGET_SHEET),
      row: FIRST_LINE_ROW - 1,
      col: COLUMNS.indexOf("Total"),
    });
    expect(typeof total).toBe("number");
    expect(formatUsd(Math.round(Number(total) * 100))).toBe(shown);
  });
});

describe("with the preview's spreadsheet, a person's second line", () => {
  it("counts the wages already budgeted for that person, as the sheet's formulas do", async () => {
    const workbook = new PreviewWorkbook(engine);
    const { user } = renderPane(workbook);
    await openRole(user, "DP", "Director of Photography");
    await user.type(screen.getByRole("textbox", { name: /Person/ }), "Pat Lee");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");

    // The same person again, for 30 more weeks: past the Social Security wage base.
    await user.clear(searchBox());
    const quote = await openRole(user, "DP", "Director of Photography");
    await user.selectOptions(screen.getByRole("combobox", { name: "Budget for" }), "number");
    const quantity = screen.getByRole("spinbutton", { name: "Quantity" });
    await user.clear(quantity);
    await user.type(quantity, "30");
    await user.type(screen.getByRole("textbox", { name: /Person/ }), "pat lee");
    const shown = shownTotal(quote);
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    const total = (row: number) =>
      Number(
        workbook.hf.getCellValue({
          sheet: workbook.sheetId(BUDGET_SHEET),
          row,
          col: COLUMNS.indexOf("Total"),
        }),
      );
    expect(formatUsd(Math.round(total(FIRST_LINE_ROW) * 100))).toBe(shown);
    // And it differs from pricing the line as if nothing had been paid yet.
    const alone = engine.quote({
      role: "Director of Photography",
      quantity: 30,
      hoursPerDay: defaultSettings().hoursPerDay,
    });
    expect(formatUsd(alone.totalCents)).not.toBe(shown);
  });
});

describe("with the preview's spreadsheet, for a union line following the shoot weeks", () => {
  it("shows the total that the =ShootWeeks line computes", async () => {
    const workbook = new PreviewWorkbook(engine);
    const { user } = renderPane(workbook);
    const quote = await openRole(user, "DP", "Director of Photography");
    const shown = shownTotal(quote);
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    const total = workbook.hf.getCellValue({
      sheet: workbook.sheetId(BUDGET_SHEET),
      row: FIRST_LINE_ROW - 1,
      col: COLUMNS.indexOf("Total"),
    });
    expect(formatUsd(Math.round(Number(total) * 100))).toBe(shown);
  });
});

describe("settings", () => {
  it("says why the settings could not be read and recovers by creating the budget", async () => {
    const port = new MemoryWorkbook();
    port.failNextRead(new WorkbookError("The workbook has no Settings sheet yet."));
    const { user } = renderPane(port);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The workbook has no Settings sheet yet.");
    await user.click(within(alert).getByRole("button", { name: "Create the budget sheets" }));
    await waitFor(() => {
      expect(screen.queryByRole("alert")).toBeNull();
    });
    expect(port.hasBudget).toBe(true);
    expect(screen.getByText(/2026-08-02 · Los Angeles · Studio/)).toBeTruthy();
  });

  it("re-reads the settings when asked, and the quote follows", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderPane(port);
    const quote = await openRole(user, "gaffer", "Gaffer");
    port.settings = { ...port.settings, shootWeeks: 6 };
    await user.click(screen.getByRole("button", { name: "Re-read settings from the workbook" }));
    expect(
      await within(quote).findByText(expectedTotal({ role: "Gaffer", quantity: 6, unit: "week" })),
    ).toBeTruthy();
  });

  it("prices with the workbook's rate card version, and says when it is unknown", async () => {
    const port = new MemoryWorkbook({ settings: { cardVersion: "2099.1" } });
    const { user } = renderPane(port);
    const quote = await openRole(user, "gaffer", "Gaffer");
    expect(within(quote).getByRole("alert").textContent).toContain("Unknown rate card version");
    expect(screen.getByRole("button", { name: "Insert crew line" })).toHaveProperty(
      "disabled",
      true,
    );
    port.settings = { ...port.settings, cardVersion: engine.card.meta.version };
    await user.click(screen.getByRole("button", { name: "Re-read settings from the workbook" }));
    expect(
      await within(quote).findByText(expectedTotal({ role: "Gaffer", quantity: 8, unit: "week" })),
    ).toBeTruthy();
  });

  it("follows a region setting typed as an alias without pinning the line to it", async () => {
    const port = new MemoryWorkbook({ settings: { region: "LA" } });
    const { user } = renderPane(port);
    await openRole(user, "gaffer", "Gaffer");
    const region = screen.getByRole("combobox", { name: "Region" });
    expect(region).toHaveProperty("value", "Los Angeles");
    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await screen.findByRole("status");
    expect(port.lines[0]?.region).toBeUndefined();
  });
});

describe("error boundary", () => {
  function Broken(): never {
    throw new Error("render failed");
  }

  it("shows the message instead of a blank pane", async () => {
    // React reports the caught render error on the console; the pane shows it instead.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </FluentProvider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Something went wrong: render failed");
    await user.click(within(alert).getByRole("button", { name: "Reload the pane" }));
    expect(screen.getByRole("alert")).toBeTruthy();
  });
});

describe("share as values", () => {
  const shareButton = () => screen.getByRole("button", { name: "Share as values" });

  it("makes the values copy in one call and names the new sheets", async () => {
    const { user, port } = renderPane();
    await user.click(shareButton());
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("Made Budget (values) and Topsheet (values)");
    expect(port.shareCalls).toBe(1);
    expect(port.appendCalls).toHaveLength(0);
  });

  it("shows a readable error when sharing fails, and tries again", async () => {
    const { user, port } = renderPane();
    port.failNextShare(
      new WorkbookError(
        "The budget is still calculating (a cell shows #BUSY!). Wait for it to finish, then try again.",
      ),
    );
    await user.click(shareButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Problem with the workbook");
    expect(alert.textContent).toContain("The budget is still calculating");
    expect(port.shareCalls).toBe(1);

    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect((await screen.findByRole("status")).textContent).toContain("Budget (values)");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(port.shareCalls).toBe(2);
  });

  it("copies the preview's budget with its values", async () => {
    const workbook = new PreviewWorkbook(engine);
    await workbook.appendCrewLines(typicalCrewLines(engine, "camera"));
    const { user } = renderPane(workbook);
    await user.click(shareButton());
    await screen.findByRole("status");
    const total = (sheet: string) =>
      workbook.hf.getCellValue({
        sheet: workbook.sheetId(sheet),
        row: FIRST_LINE_ROW - 1,
        col: COLUMNS.indexOf("Total"),
      });
    expect(total("Budget (values)")).toBe(total(BUDGET_SHEET));
  });
});
