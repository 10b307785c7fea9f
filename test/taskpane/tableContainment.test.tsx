// @vitest-environment jsdom
/**
 * A bad production-table line in the pane, as on the sheet: it stops only the quotes it would
 * price. Another role keeps its price and its Insert; the role the line prices shows the line's
 * problem; the notice above the search names the line.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

const searchBox = () => screen.getByRole("combobox", { name: "Find a crew role" });

async function openRole(user: ReturnType<typeof userEvent.setup>, query: string, title: string) {
  await user.clear(searchBox());
  await user.type(searchBox(), query);
  const listbox = await screen.findByRole("listbox", { name: "Matching roles" });
  await waitFor(() => {
    expect(within(listbox).getAllByRole("option")[0]?.textContent).toContain(title);
  });
  await user.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { level: 2, name: title })).toBeTruthy();
  return screen.findByRole("region", { name: "Live quote" });
}

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
