// @vitest-environment jsdom
/**
 * The pane's "Import a crew list": paste rows, see what each becomes, settle the one it cannot
 * place, and insert everything in one write.
 */
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { IMPORT_NOTE } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

describe("Import a crew list", () => {
  it("inserts matched rows in one write, a negotiated rate as an override, after the producer settles the rest", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    await user.click(await screen.findByRole("button", { name: "Import a crew list" }));
    const box = screen.getByRole("textbox", { name: /Paste rows/ });
    await user.click(box);
    await user.paste(
      "Title\tName\tQty\tUnit\tRate\nGaffer\tSam Lee\t8\tweek\t5000\nZzqx Wrangler\t\t2\tday\t",
    );
    await user.click(screen.getByRole("button", { name: "Read the list" }));

    expect(
      await screen.findByText(/1 line ready, 1 negotiated rate for Rate Overrides, 1 to match/),
    ).toBeTruthy();
    const insert = screen.getByRole("button", { name: "Insert 1 line" });
    expect(insert.hasAttribute("disabled") || insert.getAttribute("aria-disabled") === "true").toBe(
      true,
    );

    await user.selectOptions(screen.getByRole("combobox", { name: "What row 3 is" }), "skip");
    await user.click(await screen.findByRole("button", { name: "Insert 1 line" }));

    await waitFor(() => {
      expect(port.appendCalls).toHaveLength(1);
    });
    expect(port.lines.map((l) => [l.role, l.person, l.quantity, l.unit])).toEqual([
      ["Gaffer", "Sam Lee", 8, "week"],
    ]);
    expect(port.tables.overrides[0]).toEqual(["Gaffer", "", "week", 5000, IMPORT_NOTE]);
    expect(await screen.findByText(/Imported 1 crew line \(/)).toBeTruthy();
    expect(screen.getByText(/Rate Overrides line 1/)).toBeTruthy();
  });

  it("reads the selected cells into the paste box and matches them as a paste", async () => {
    const port = new MemoryWorkbook();
    port.selection = {
      address: "Budget!A5:E7",
      rows: [
        ["Title", "Name", "Qty", "Unit", "Rate"],
        ["Gaffer", "Sam Lee", 8, "week", 5000],
        ["Zzqx Wrangler", "", 2, "day", ""],
      ],
    };
    const { user } = renderApp(port);
    await user.click(await screen.findByRole("button", { name: "Import a crew list" }));
    await user.click(screen.getByRole("button", { name: "Use the selected cells" }));

    expect(await screen.findByText("Read 3 rows from Budget!A5:E7.")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Paste rows/ })).toHaveProperty(
      "value",
      "Title\tName\tQty\tUnit\tRate\nGaffer\tSam Lee\t8\tweek\t5000\nZzqx Wrangler\t\t2\tday\t",
    );
    expect(
      screen.getByText(/1 line ready, 1 negotiated rate for Rate Overrides, 1 to match/),
    ).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "What row 3 is" }), "skip");
    await user.click(await screen.findByRole("button", { name: "Insert 1 line" }));
    await waitFor(() => {
      expect(port.appendCalls).toHaveLength(1);
    });
    expect(port.lines.map((l) => [l.role, l.person, l.quantity, l.unit])).toEqual([
      ["Gaffer", "Sam Lee", 8, "week"],
    ]);
    expect(port.tables.overrides[0]).toEqual(["Gaffer", "", "week", 5000, IMPORT_NOTE]);
  });

  it("says what to select when the selected cells are empty, and reads nothing", async () => {
    const port = new MemoryWorkbook();
    port.selection = {
      address: "Budget!C3:D4",
      rows: [
        ["", ""],
        ["", ""],
      ],
    };
    const { user } = renderApp(port);
    await user.click(await screen.findByRole("button", { name: "Import a crew list" }));
    await user.click(screen.getByRole("button", { name: "Use the selected cells" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /The selected cells \(Budget!C3:D4\) are empty: select the crew list's rows/,
    );
    expect(screen.getByRole("textbox", { name: /Paste rows/ })).toHaveProperty("value", "");
    expect(screen.queryByText(/Read \d+ rows? from/)).toBeNull();
    expect(screen.queryByText(/lines? ready/)).toBeNull();
  });

  it("has no selection button where the host has no selection", async () => {
    const port = new MemoryWorkbook();
    Object.defineProperty(port, "readSelection", { value: undefined });
    const { user } = renderApp(port);
    await user.click(await screen.findByRole("button", { name: "Import a crew list" }));
    expect(screen.getByRole("button", { name: "Read the list" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Use the selected cells" })).toBeNull();
  });
});
