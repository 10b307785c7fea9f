// @vitest-environment jsdom
/**
 * The pane's "Compare locations" (regions picked, hiring toggled, the Compare sheet written
 * through the port, the message naming the sheet and what has no union scale where) and the tier
 * watch under the settings summary (the Production budget's LBT tier, a Budget tier setting that
 * disagrees with it, a total that crosses a tier boundary between two reads).
 */
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WorkbookError } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { engine } from "../../src/data";
import { crewLine } from "../fixtures/crewLine";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

async function budgetPort() {
  const port = new MemoryWorkbook({ engine });
  await port.appendCrewLines([
    crewLine("Gaffer", "shoot", "week"),
    crewLine("Production Designer", "shoot", "week"),
    crewLine("Key Grip", 5, "day"),
  ]);
  return port;
}

function compareSection() {
  return screen.getByRole("region", { name: "Compare locations" });
}

function regionBox(name: string) {
  return within(compareSection()).getByRole("checkbox", { name });
}

function compareButton() {
  return within(compareSection()).getByRole("button", { name: /Compare locations|Comparing/ });
}

describe("Compare locations", () => {
  it("starts with Los Angeles, Georgia, New York and New Mexico, and writes the Compare sheet with them", async () => {
    const port = await budgetPort();
    const { user } = renderApp(port);
    await screen.findByText(/Los Angeles · Studio/);
    for (const name of ["Los Angeles", "Georgia", "New York", "New Mexico"]) {
      expect((regionBox(name) as HTMLInputElement).checked, name).toBe(true);
    }
    for (const name of ["Maryland", "Other US"]) {
      expect((regionBox(name) as HTMLInputElement).checked, name).toBe(false);
    }

    await user.click(compareButton());

    const bar = await within(compareSection()).findByRole("status");
    expect(port.compareCalls).toEqual([
      { regions: ["Los Angeles", "New York", "Georgia", "New Mexico"], hiring: "keep-home" },
    ]);
    expect(bar.textContent).toContain("Wrote the Compare sheet");
    expect(bar.textContent).toContain("3 lines in 4 regions (keep home agreements)");
    // One line is a non-union estimate outside Los Angeles (the card has no union scale for it
    // there); the message counts it region by region, in column order.
    expect(bar.textContent).toContain(
      "1 line has no union scale in New York, 1 in Georgia, 1 in New Mexico: priced as non-union estimates there.",
    );
  });

  it("compares all local hire in the regions picked, and says it replaced the earlier sheet", async () => {
    const port = await budgetPort();
    const { user } = renderApp(port);
    await screen.findByText(/Los Angeles · Studio/);
    await user.click(compareButton());
    await within(compareSection()).findByText(/Wrote the Compare sheet/);

    await user.click(regionBox("New York"));
    await user.click(within(compareSection()).getByRole("radio", { name: "All local hire" }));
    await user.click(compareButton());

    await within(compareSection()).findByText(/Replaced the Compare sheet/);
    expect(port.compareCalls.at(-1)).toEqual({
      regions: ["Los Angeles", "Georgia", "New Mexico"],
      hiring: "all-local",
    });
    expect(compareSection().textContent).toContain("3 lines in 3 regions (all local hire)");
  });

  it("needs 2 to 5 regions before it compares", async () => {
    const port = await budgetPort();
    const { user } = renderApp(port);
    await screen.findByText(/Los Angeles · Studio/);
    for (const name of ["Georgia", "New York", "New Mexico"]) await user.click(regionBox(name));
    expect(compareButton()).toHaveProperty("disabled", true);
    expect(compareSection().textContent).toContain("Pick at least 2 regions.");

    for (const name of ["Georgia", "New York", "New Mexico", "Maryland", "Other US"]) {
      await user.click(regionBox(name));
    }
    expect(compareButton()).toHaveProperty("disabled", true);
    expect(compareSection().textContent).toContain("Pick at most 5 regions.");
    await user.click(regionBox("Maryland"));
    expect(compareButton()).toHaveProperty("disabled", false);
    expect(port.compareCalls).toHaveLength(0);
  });

  it("shows a failed write in the pane's words, and tries again", async () => {
    const port = await budgetPort();
    port.failNextCompare(
      new WorkbookError("Could not write the Compare sheet: Excel is busy. Nothing was changed."),
    );
    const { user } = renderApp(port);
    await screen.findByText(/Los Angeles · Studio/);
    await user.click(compareButton());

    const alert = await within(compareSection()).findByRole("alert");
    expect(alert.textContent).toContain(
      "Could not write the Compare sheet: Excel is busy. Nothing was changed.",
    );
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    await within(compareSection()).findByText(/Wrote the Compare sheet/);
    expect(port.compareCalls).toHaveLength(2);
  });
});

describe("tier watch", () => {
  const refresh = () => screen.getByRole("button", { name: "Re-read settings from the workbook" });

  it("shows the Production budget's LBT tier and warns when the Budget tier setting disagrees", async () => {
    const port = new MemoryWorkbook({ settings: { tier: "Studio", totalBudget: 7_500_000 } });
    renderApp(port);

    expect(await screen.findByText(/budget \$7\.5M: Tier 1B/)).toBeTruthy();
    const warning = await screen.findByText(/Budget tier and production budget disagree/);
    expect(warning.parentElement?.textContent).toContain(
      "Tier setting is Studio, but a $7.5M budget is Tier 1B under the LBT: crew lines price at Studio rates.",
    );
  });

  it("says nothing about tiers when the budget is not set or the setting agrees", async () => {
    const port = new MemoryWorkbook({ settings: { tier: "Tier 1B", totalBudget: 7_500_000 } });
    const { user } = renderApp(port);
    await screen.findByText(/budget \$7\.5M: Tier 1B/);
    expect(screen.queryByText(/disagree/)).toBeNull();

    port.settings = { ...port.settings, totalBudget: undefined };
    await user.click(refresh());
    await waitFor(() => {
      expect(screen.queryByText(/budget \$7\.5M/)).toBeNull();
    });
    expect(screen.queryByText(/disagree|crossed into/)).toBeNull();
  });

  it("says when the total moves across a tier boundary between two reads, and what the lines price at", async () => {
    const port = new MemoryWorkbook({ settings: { tier: "Tier 1B", totalBudget: 8_900_000 } });
    const { user } = renderApp(port);
    await screen.findByText(/budget \$8\.9M: Tier 1B/);
    expect(screen.queryByText(/crossed into/)).toBeNull();

    port.settings = { ...port.settings, totalBudget: 9_200_000 };
    await user.click(refresh());

    const title = await screen.findByText("Production budget crossed into Tier 2");
    const note = title.parentElement?.textContent ?? "";
    expect(note).toContain("It went from $8.9M (Tier 1B) to $9.2M, which is Tier 2 under the LBT");
    expect(note).toContain(
      "Crew lines still price at Tier 1B rates and fringes until Budget tier on the Settings sheet says Tier 2.",
    );
    expect(screen.getByText(/Budget tier and production budget disagree/)).toBeTruthy();

    // The producer sets the tier: the warning goes, the note says the lines now price at it.
    port.settings = { ...port.settings, tier: "Tier 2" };
    await user.click(refresh());
    await waitFor(() => {
      expect(screen.queryByText(/disagree/)).toBeNull();
    });
    expect(
      screen.getByText("Production budget crossed into Tier 2").parentElement?.textContent,
    ).toContain(
      "Budget tier on the Settings sheet says Tier 2, so the crew lines price at its rates.",
    );

    // A move within the tier is no crossing: the note goes.
    port.settings = { ...port.settings, totalBudget: 9_300_000 };
    await user.click(refresh());
    await waitFor(() => {
      expect(screen.queryByText(/crossed into/)).toBeNull();
    });
  });
});
