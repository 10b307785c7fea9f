// @vitest-environment jsdom
/**
 * A bad production-table line in the pane, as on the sheet: it stops only the quotes it would
 * price. Another role keeps its price and its Insert; the role the line prices shows the line's
 * problem; the notice above the search names the line.
 */
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { openRole, renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

describe("a bad Rate Overrides line in the pane", () => {
  it("stops only the role it prices: another role keeps its negotiated price and its Insert", async () => {
    const port = new MemoryWorkbook();
    port.tables.overrides = [
      ["Gaffer", "", "week", 5000, "Deal memo"],
      ["Key Grip", "", "wek", 4000, ""],
    ];
    const { user } = renderApp(port);
    // The notice above the search names the line.
    expect(
      (await screen.findAllByText(/Rate Overrides line 2: Unit 'wek'/)).length,
    ).toBeGreaterThan(0);
    const gaffer = await openRole(user, "gaffer", "Gaffer");
    await waitFor(() => {
      expect(gaffer.textContent).toContain("$5,000.00 per week");
    });
    const insert = screen.getByRole<HTMLButtonElement>("button", { name: "Insert crew line" });
    expect(insert.disabled).toBe(false);

    const keyGrip = await openRole(user, "key grip", "Key Grip");
    await waitFor(() => {
      expect(keyGrip.textContent).toMatch(/Unit 'wek' is not known/);
    });
  }, 60_000);
});
