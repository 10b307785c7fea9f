// @vitest-environment jsdom
/**
 * "How this is figured": a table that multiplies out, built from the engine's structured quote;
 * closed when a card opens, and closed again when another role is opened.
 */
import { screen, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { engine } from "../../src/data";
import { defaultSettings } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { formatUsd } from "../../src/engine";
import { quoteFigures } from "../../src/taskpane/quoteFigures";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

const settings = defaultSettings();
const gaffer = engine.quote({
  role: "Gaffer",
  quantity: 8,
  unit: "week",
  region: settings.region,
  tier: settings.tier,
  date: settings.budgetDate,
  hoursPerDay: settings.hoursPerDay,
});

describe("quoteFigures", () => {
  const figures = quoteFigures(gaffer);

  it("starts with the pay: the rate per unit × the quantity = the subtotal", () => {
    expect(figures.pay).toMatchObject({ base: "8 weeks", amountCents: gaffer.subtotalCents });
    expect(figures.pay.rate).toBe(`${formatUsd(gaffer.unitRateCents)}/week`);
  });

  it("lists every fringe once, grouped, and the groups add up to the fringe", () => {
    const rows = figures.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.label).sort()).toEqual(gaffer.fringes.map((f) => f.label).sort());
    const sum = figures.groups.reduce((total, g) => total + g.totalCents, 0);
    expect(sum).toBe(gaffer.fringeCents);
    expect(figures.pay.amountCents + sum).toBe(figures.totalCents);
    expect(figures.groups.map((g) => g.heading)).toContain("Payroll taxes");
    expect(figures.groups.map((g) => g.heading)).toContain("Union benefits");
  });

  it("gives each fringe its rate, what it applies to and its yearly cap", () => {
    const rows = figures.groups.flatMap((g) => g.rows);
    const oasdi = rows.find((r) => r.label.startsWith("Social Security"));
    const line = gaffer.fringes.find((f) => f.label.startsWith("Social Security"));
    expect(oasdi?.rate).toBe("6.2%");
    expect(oasdi?.base).toBe(formatUsd(line?.appliedTo ?? -1));
    expect(oasdi?.cap).toBe(formatUsd(line?.capCents ?? -1));
    // A per-hour plan shows its rate at the precision it multiplies by, and the hours.
    const health = rows.find((r) => r.label.startsWith("MPI Health"));
    expect(health?.rate).toMatch(/^\$\d+\.\d{2,6}\/hr$/);
    expect(health?.base).toMatch(/^[\d,.]+ hrs$/);
  });

  it("cites each source once, with its address", () => {
    const texts = figures.sources.map((s) => `${s.text}|${s.address ?? ""}`);
    expect(new Set(texts).size).toBe(texts.length);
    expect(figures.sources.length).toBeGreaterThan(1);
    expect(figures.sources.some((s) => s.address?.startsWith("https://"))).toBe(true);
    // Short citations, never the engine's prose with an address in angle brackets.
    expect(figures.sources.every((s) => !s.text.includes("<"))).toBe(true);
  });
});

async function open(user: ReturnType<typeof userEvent.setup>, query: string, title: string) {
  const search = screen.getByRole("combobox", { name: "Find a crew role" });
  await user.clear(search);
  await user.type(search, query);
  await user.keyboard("{Enter}");
  await screen.findByRole("heading", { level: 2, name: title });
  return screen.findByRole("region", { name: "Live quote" });
}

describe("How this is figured, in the pane", () => {
  it("is closed when a card opens, opens as a table, and is closed again for the next role", async () => {
    const { user } = renderApp(new MemoryWorkbook());
    let quote = await open(user, "gaffer", "Gaffer");
    const toggle = within(quote).getByRole("button", { name: "How this is figured" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(within(quote).queryByRole("table")).toBeNull();

    await user.click(toggle);
    const table = within(quote).getByRole("table", { name: "How this is figured" });
    expect(within(table).getByText("Payroll taxes")).toBeTruthy();
    expect(within(table).getByText(/^Social Security/)).toBeTruthy();
    expect(within(table).getAllByText(formatUsd(gaffer.totalCents)).length).toBeGreaterThan(0);
    expect(within(quote).getAllByRole("link", { name: "open" }).length).toBeGreaterThan(0);

    quote = await open(user, "key grip", "Key Grip");
    expect(
      within(quote)
        .getByRole("button", { name: "How this is figured" })
        .getAttribute("aria-expanded"),
    ).toBe("false");
    expect(within(quote).queryByRole("table")).toBeNull();
  });
});
