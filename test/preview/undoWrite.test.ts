/**
 * Undo from the pane in the preview's HyperFormula workbook (issue 15): each pane write's undo
 * puts every sheet back exactly as it was (formulas and values), and refuses, changing nothing,
 * what someone has changed since.
 */
import { describe, expect, it } from "vitest";
import {
  BUDGET_SHEET,
  COLUMNS,
  ROLES_SHEET,
  TABLE_FIRST_ROW,
  WorkbookError,
  type CrewLineInput,
  type ProductionRoleInput,
} from "../../src/budget";
import type { WriteUndo } from "../../src/budget/port";
import { engine } from "../../src/data";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";

const DP = crewLine("Director of Photography", 8, "week", "Ana");
const GAFFER = crewLine("Gaffer", 6, "week");
const CAMERA: CrewLineInput[] = [
  crewLine("Camera Operator", 6, "week"),
  crewLine("First Assistant Camera", "shoot", "week"),
];
const ROLE: ProductionRoleInput = {
  title: "Camera Drone Tech",
  department: "Camera",
  account: "3310",
  description: "Drone camera rigging",
  unit: "day",
  rate: 950,
  agreement: "",
};

/** Every sheet as typed and as computed, in tab order. */
function snapshot(workbook: PreviewWorkbook) {
  return workbook.sheetNames.map((name) => ({
    name,
    typed: workbook.hf.getSheetSerialized(workbook.sheetId(name)),
    values: workbook.hf.getSheetValues(workbook.sheetId(name)),
  }));
}

const WRITES: {
  name: string;
  lines: CrewLineInput[];
  write: (wb: PreviewWorkbook) => Promise<{ undo?: WriteUndo }>;
}[] = [
  { name: "a crew line into a new budget", lines: [], write: (wb) => wb.appendCrewLines([DP]) },
  {
    name: "a crew line in a new account, with its subtotal",
    lines: [DP],
    write: (wb) => wb.appendCrewLines([GAFFER]),
  },
  {
    name: "a department into its account (its subtotal reaches further)",
    lines: [DP, GAFFER],
    write: (wb) => wb.appendCrewLines(CAMERA),
  },
  {
    name: "an imported line with a Rate Overrides line",
    lines: [DP],
    write: (wb) =>
      wb.appendCrewLines([GAFFER], {
        overrides: [{ role: "Gaffer", agreement: "", unit: "week", amount: 4321, note: "memo" }],
      }),
  },
  { name: "a production role", lines: [DP], write: (wb) => wb.addProductionRole(ROLE) },
  { name: "a values copy", lines: [DP], write: (wb) => wb.shareAsValues() },
  {
    name: "a Compare sheet",
    lines: [DP, GAFFER],
    write: (wb) => wb.writeCompareSheet(["Los Angeles", "Georgia"], "keep-home"),
  },
];

async function written(w: (typeof WRITES)[number]) {
  const workbook = new PreviewWorkbook(engine);
  if (w.lines.length > 0) await workbook.appendCrewLines(w.lines);
  const before = snapshot(workbook);
  const { undo } = await w.write(workbook);
  expect(undo).toBeDefined();
  return { workbook, before, undo: undo! };
}

describe.each(WRITES)("preview undo: $name", (w) => {
  it("puts every sheet back as it was, formulas and values, and undoing again does nothing", async () => {
    const { workbook, before, undo } = await written(w);
    expect(snapshot(workbook)).not.toEqual(before);

    await workbook.undoWrite(undo);
    expect(snapshot(workbook)).toEqual(before);
    await workbook.undoWrite(undo);
    expect(snapshot(workbook)).toEqual(before);
  });
});

describe("preview undo refuses, changing nothing, what someone has changed since", () => {
  it("a line whose Qty was typed over", async () => {
    const { workbook, undo } = await written(WRITES[1]!);
    const row = undo.kind === "crew-lines" ? undo.inserted[0]!.row : 0;
    workbook.setCell(BUDGET_SHEET, row - 1, COLUMNS.indexOf("Qty"), "10");
    const after = snapshot(workbook);

    const error = await workbook.undoWrite(undo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).changed).toBe("no");
    expect((error as Error).message).toMatch(`row ${row} of the Budget sheet has changed`);
    expect(snapshot(workbook)).toEqual(after);
  });

  it("a role that a line inserted since is priced on", async () => {
    const { workbook, undo } = await written(WRITES[4]!);
    await workbook.appendCrewLines([{ ...DP, role: ROLE.title, account: "3310" }]);
    await expect(workbook.undoWrite(undo)).rejects.toThrow(/crew lines are priced on this role/);
    expect(
      workbook.hf.getCellValue({
        sheet: workbook.sheetId(ROLES_SHEET),
        row: TABLE_FIRST_ROW - 1,
        col: 0,
      }),
    ).toBe(ROLE.title);
  });

  it("a values copy typed in", async () => {
    const { workbook, undo } = await written(WRITES[5]!);
    workbook.hf.setCellContents({ sheet: workbook.sheetId("Budget (values)"), row: 2, col: 0 }, [
      ["Sent to the studio"],
    ]);
    await expect(workbook.undoWrite(undo)).rejects.toThrow(/"Budget \(values\)" has changed/);
    expect(workbook.sheetNames).toContain("Budget (values)");
  });

  it("a card version set again since, while one still set says it is undone", async () => {
    const workbook = new PreviewWorkbook(engine);
    const from = (await workbook.readSettings()).cardVersion;
    await workbook.setCardVersion("2099.1");
    await workbook.setCardVersion("2099.2");
    await expect(workbook.undoWrite({ kind: "card-version", from, to: "2099.1" })).rejects.toThrow(
      /says '2099.2' now/,
    );
    await workbook.undoWrite({ kind: "card-version", from, to: "2099.2" });
    expect((await workbook.readSettings()).cardVersion).toBe(from);
  });
});
