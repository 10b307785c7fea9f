// @vitest-environment jsdom
/**
 * Undo from the pane (issue 15): after each write that succeeds, its bar offers "Undo …" while it
 * is the pane's latest write; the undo takes exactly that write back through the port, says so,
 * and says truthfully why when it cannot (someone changed it, or a fault left part of it).
 */
import { screen, waitFor, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { WorkbookError } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { engine } from "../../src/data";

import { RateEngine } from "../../src/engine";
import { ExcelWorkbook } from "../../src/office/excelWorkbook";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { FakeExcel } from "../fixtures/fakeExcel";
import { crewLine } from "../fixtures/crewLine";
import { newerCard } from "../fixtures/newerCard";
import { renderApp, setUpPaneTests } from "./paneHarness";

setUpPaneTests();

type User = ReturnType<typeof userEvent.setup>;

const searchBox = () => screen.getByRole("combobox", { name: "Find a crew role" });

async function insertGaffer(user: User) {
  await user.click(searchBox());
  await user.type(searchBox(), "gaffer");
  const listbox = await screen.findByRole("listbox", { name: "Matching roles" });
  await waitFor(() => {
    expect(within(listbox).getAllByRole("option")[0]?.textContent).toContain("Gaffer");
  });
  await user.keyboard("{Enter}");
  await screen.findByRole("heading", { level: 2, name: "Gaffer" });
  await user.click(screen.getByRole("button", { name: "Insert crew line" }));
  return screen.findByRole("status");
}

async function addDronePilot(user: User) {
  await user.click(await screen.findByRole("button", { name: "Add a role" }));
  const form = screen.getByRole("form", { name: "Add a role" });
  await user.type(within(form).getByRole("textbox", { name: "Title" }), "Drone Pilot");
  await user.selectOptions(within(form).getByRole("combobox", { name: "Department" }), "Camera");
  await user.type(within(form).getByRole("textbox", { name: "Rate ($)" }), "1200");
  await user.click(within(form).getByRole("button", { name: "Add role" }));
  await screen.findByRole("heading", { level: 2, name: "Drone Pilot" });
  return screen.findByText(/Added the role Drone Pilot/);
}

describe("Undo after inserting a crew line", () => {
  it("takes the line back through the port and says so", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    const bar = await insertGaffer(user);
    expect(port.lines).toHaveLength(1);

    await user.click(within(bar).getByRole("button", { name: "Undo adding Gaffer" }));

    expect(await screen.findByText("Undid adding Gaffer")).toBeTruthy();
    expect(port.lines).toHaveLength(0);
    expect(port.undoCalls.map((u) => u.kind)).toEqual(["crew-lines"]);
    expect(screen.queryByRole("button", { name: "Undo adding Gaffer" })).toBeNull();
  });

  it("refuses, changing nothing, when the line was edited since, and says why", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    const bar = await insertGaffer(user);
    port.editLine(0, { quantity: 12 });

    await user.click(within(bar).getByRole("button", { name: "Undo adding Gaffer" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/has changed since it was added/);
    expect(alert.textContent).toMatch(/Nothing in the budget was changed\./);
    expect(port.lines).toHaveLength(1);
  });

  it("says what may be left when the undo fails part way, and tries again", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    const bar = await insertGaffer(user);
    port.failNextUndo(
      new WorkbookError("Could not undo adding the crew lines: the connection was lost.", {
        changed: "unknown",
        check: "Some of the lines may still be in the Budget sheet.",
      }),
    );

    await user.click(within(bar).getByRole("button", { name: "Undo adding Gaffer" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /Part of it may have reached the workbook: CrewRate could not check\. Some of the lines may still be in the Budget sheet\./,
    );

    await user.click(within(alert).getByRole("button", { name: "Try the undo again" }));
    expect(await screen.findByText("Undid adding Gaffer")).toBeTruthy();
    expect(port.lines).toHaveLength(0);
  });

  it("in Excel (the real adapter over the fake Excel): the workbook is as it was", async () => {
    const book = new FakeExcel({ Sheet1: { A1: "Shooting schedule" } });
    const workbook = new ExcelWorkbook({
      departments: [{ name: "Electric", account: "3200" }],
      run: book.run,
    });
    await workbook.ensureBudget();
    const before = structuredClone(book.state);
    const { user } = renderApp(workbook);
    const bar = await insertGaffer(user);
    expect(book.state).not.toEqual(before);

    await user.click(within(bar).getByRole("button", { name: "Undo adding Gaffer" }));

    await screen.findByText("Undid adding Gaffer");
    expect(book.state).toEqual(before);
  });

  it("in the preview: every sheet is as it was", async () => {
    const workbook = new PreviewWorkbook(engine);
    await workbook.appendCrewLines([crewLine("Director of Photography", 8, "week")]);
    const typed = () =>
      workbook.sheetNames.map((name) => workbook.hf.getSheetSerialized(workbook.sheetId(name)));
    const before = typed();
    const { user } = renderApp(workbook);
    const bar = await insertGaffer(user);

    await user.click(within(bar).getByRole("button", { name: "Undo adding Gaffer" }));

    await screen.findByText("Undid adding Gaffer");
    expect(typed()).toEqual(before);
  });
});

describe("Undo after importing a crew list", () => {
  it("takes back the lines and their Rate Overrides line in one step", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    await user.click(await screen.findByRole("button", { name: "Import a crew list" }));
    await user.click(screen.getByRole("textbox", { name: /Paste rows/ }));
    await user.paste("Title\tName\tQty\tUnit\tRate\nGaffer\tSam Lee\t8\tweek\t5000");
    await user.click(screen.getByRole("button", { name: "Read the list" }));
    await user.click(await screen.findByRole("button", { name: "Insert 1 line" }));
    await screen.findByText(/Imported 1 crew line \(/);
    expect(port.tables.overrides[0]?.[0]).toBe("Gaffer");

    await user.click(screen.getByRole("button", { name: "Undo the import (1 line)" }));

    await screen.findByText("Undid the import (1 line)");
    expect(port.lines).toHaveLength(0);
    expect(port.tables.overrides[0]?.every((c) => c === "")).toBe(true);
  });
});

describe("one step: only the latest write is offered", () => {
  it("adding a role, then a line: the role's undo goes, the line's is there", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    const added = (await addDronePilot(user)).closest("[role=status]") as HTMLElement;
    expect(
      within(added).getByRole("button", { name: "Undo adding the role Drone Pilot" }),
    ).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Insert crew line" }));
    await waitFor(() => {
      expect(port.lines.map((l) => l.role)).toEqual(["Drone Pilot"]);
    });

    expect(screen.queryByRole("button", { name: "Undo adding the role Drone Pilot" })).toBeNull();
    expect(screen.getByRole("button", { name: "Undo adding Drone Pilot" })).toBeTruthy();
  });

  it("a role on its own is undone, clearing its line", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    await addDronePilot(user);

    await user.click(screen.getByRole("button", { name: "Undo adding the role Drone Pilot" }));

    await screen.findByText("Undid adding the role Drone Pilot");
    expect(port.tables.roles[0]?.every((c) => c === "")).toBe(true);
  });
});

describe("Undo for sheets the pane made", () => {
  it("a values copy, and none for a share that replaced earlier copies", async () => {
    const port = new MemoryWorkbook();
    const { user } = renderApp(port);
    const share = () => screen.getByRole("button", { name: "Share as values" });
    await user.click(share());
    const bar = await screen.findByRole("status");

    await user.click(within(bar).getByRole("button", { name: "Undo the values copy" }));
    await screen.findByText("Undid the values copy");
    expect(port.hasValuesCopy).toBe(false);

    await user.click(share());
    await screen.findByText(/Made Budget \(values\)/);
    await user.click(share());
    await waitFor(() => {
      expect(screen.getByRole("status").textContent).toMatch(
        /Undo is not offered: this share replaced earlier sheets/,
      );
    });
    expect(screen.queryByRole("button", { name: "Undo the values copy" })).toBeNull();
  });

  it("a Compare sheet", async () => {
    const port = new MemoryWorkbook({ engine });
    await port.appendCrewLines([crewLine("Gaffer", "shoot", "week")]);
    const { user } = renderApp(port);
    await screen.findByText(/Los Angeles · Studio/);
    const section = screen.getByRole("region", { name: "Compare locations" });
    await user.click(within(section).getByRole("button", { name: "Compare locations" }));
    const bar = await within(section).findByRole("status");

    await user.click(within(bar).getByRole("button", { name: "Undo the Compare sheet" }));

    await within(section).findByText("Undid the Compare sheet");
    expect(port.hasCompareSheet).toBe(false);
  });
});

describe("Setting a card update back", () => {
  it("refuses, changing nothing, when the version was changed again since", async () => {
    const newer = new RateEngine(newerCard());
    const port = new MemoryWorkbook({ settings: { cardVersion: "2026.1" } });
    const { user } = renderApp(port, newer);
    await user.click(await screen.findByRole("button", { name: "Review changes" }));
    await user.click(await screen.findByRole("button", { name: "Update to 2026.2" }));
    const back = await screen.findByRole("button", { name: "Set it back to 2026.1" });
    port.settings = { ...port.settings, cardVersion: "2026.3" };

    await user.click(back);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Rate card version says '2026.3' now/);
    expect(port.settings.cardVersion).toBe("2026.3");
  });
});
