/**
 * CREW.TABLECHECK and the Status column it fills on the Rate Overrides and Production Roles
 * sheets: a bad line marks itself with the engine's own sentence (the one the Settings sheet's
 * production tables cell and the pane show), a good one says OK, a blank one nothing; fixing the
 * cell clears it; the crew lines the bad line does not price keep their numbers. Evaluated in the
 * preview's HyperFormula workbook (what Excel runs), and in the memory workbook the pane's tests use.
 */
import { DetailedCellError, type RawCellContent } from "hyperformula";
import { describe, expect, it } from "vitest";
import { engine, rateCard } from "../../src/data";
import {
  COLUMNS,
  OVERRIDES_SHEET,
  ROLES_SHEET,
  settingRow,
  SETTINGS_SHEET,
  STATUS_HEADER,
  statusColumn,
  TABLE_FIRST_ROW,
  TABLE_HEADER_ROW,
  TABLE_LINES,
  tableStatusFormula,
  type CrewLineInput,
} from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import {
  productionToken,
  RateEngine,
  tablesText,
  type ProductionTables,
  type TableCell,
} from "../../src/engine";
import { createCrewFunctions } from "../../src/functions/crewFunctions";
import { isCellFailure } from "../../src/functions/toExcelError";
import { messageFor } from "../../src/taskpane/messages";
import { PreviewWorkbook } from "../../src/preview/previewWorkbook";
import { crewLine } from "../fixtures/crewLine";

/** The producer's Rate Overrides, line 1 first: good, blank, typo'd unit, unknown role, hex amount. */
const OVERRIDES: TableCell[][] = [
  ["Director of Photography", "", "week", 9000, "Deal memo"],
  [],
  ["Key Grip", "", "wek", 3000, ""],
  ["Gafer", "", "week", 4000, ""],
  ["Best Boy Electric", "", "week", "0x10", ""],
  // Names a production role: it checks out only against the Production Roles table.
  ["Drone Pilot", "", "day", 1400, ""],
];
const ROLES: TableCell[][] = [
  ["Drone Pilot", "Camera", "", "Flies the aerial unit's drone.", "day", 1500, ""],
  ["Sky Cam Op", "Camra", "", "", "day", 1500, ""],
];

const LINES: CrewLineInput[] = [
  crewLine("Director of Photography", 8, "week"),
  crewLine("Key Grip", 8, "week"),
  crewLine("Gaffer", 8, "week"),
  crewLine("1st Assistant Camera", 8, "week"),
];

const TOTAL = COLUMNS.indexOf("Total");

function at(wb: PreviewWorkbook, sheet: string, row: number, col: number) {
  return wb.hf.getCellValue({ sheet: wb.sheetId(sheet), row: row - 1, col });
}

/** A table line typed in as the sheet holds it (text stays text: "0x10" is not a number). */
function typeLine(wb: PreviewWorkbook, sheet: string, line: number, cells: TableCell[]): void {
  const width = statusColumn(sheet);
  const row = Array.from({ length: width }, (_, c): RawCellContent => {
    const v = cells[c];
    return v === undefined || v === "" ? null : v;
  });
  wb.hf.setCellContents({ sheet: wb.sheetId(sheet), row: TABLE_FIRST_ROW - 2 + line, col: 0 }, [
    row,
  ]);
}

/** OVERRIDES and ROLES typed into their sheets, line 1 first. */
function typeTables(wb: PreviewWorkbook): void {
  for (const [i, cells] of OVERRIDES.entries()) typeLine(wb, OVERRIDES_SHEET, i + 1, cells);
  for (const [i, cells] of ROLES.entries()) typeLine(wb, ROLES_SHEET, i + 1, cells);
}

/** The Status cells of a production sheet's first `count` lines. */
function statuses(wb: PreviewWorkbook, sheet: string, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) =>
    at(wb, sheet, TABLE_FIRST_ROW + i, statusColumn(sheet)),
  );
}

/** The BAD_TABLE sentence the engine has for a table line (what the pane and the tables cell say). */
function engineSentence(tables: ProductionTables, table: string, line: number): string {
  const problem = engine
    .withProductionToken(productionToken(tables))
    .tableProblems.find((p) => p.details.table === table && p.details.line === line);
  if (!problem) throw new Error(`no problem on ${table} line ${line}`);
  return problem.message;
}

async function budget() {
  const wb = new PreviewWorkbook(engine);
  await wb.appendCrewLines(LINES);
  const rows = new Map((await wb.readCrewLines()).map((l) => [l.role, l.row]));
  const totals = new Map([...rows].map(([role, row]) => [role, at(wb, "Budget", row, TOTAL)]));
  return { wb, rows, totals };
}

describe("the Status column in the preview workbook", () => {
  it("is set up on both sheets: a Status header after the table's columns and a formula on every line row", () => {
    const wb = new PreviewWorkbook(engine);
    for (const sheet of [OVERRIDES_SHEET, ROLES_SHEET]) {
      const id = wb.sheetId(sheet);
      const col = statusColumn(sheet);
      expect(wb.hf.getCellValue({ sheet: id, row: TABLE_HEADER_ROW - 1, col })).toBe(STATUS_HEADER);
      for (const row of [TABLE_FIRST_ROW, TABLE_FIRST_ROW + TABLE_LINES - 1]) {
        expect(wb.hf.getCellFormula({ sheet: id, row: row - 1, col })).toBe(
          tableStatusFormula(sheet, row),
        );
      }
      expect(
        wb.hf.getCellFormula({ sheet: id, row: TABLE_FIRST_ROW + TABLE_LINES - 1, col }),
      ).toBeUndefined();
      // A new budget's lines are blank: so is every status.
      expect(statuses(wb, sheet, TABLE_LINES).every((s) => s === "")).toBe(true);
    }
    expect(statusColumn(OVERRIDES_SHEET)).toBe(5); // F, after Role..Note
    expect(statusColumn(ROLES_SHEET)).toBe(7); // H, after Title..Agreement
  });

  it("marks each bad line with the engine's own reason, a good one OK, a blank one nothing", async () => {
    const { wb } = await budget();
    typeTables(wb);
    const tables = { overrides: OVERRIDES, roles: ROLES };
    const fix = (table: string, line: number) => `Fix: ${engineSentence(tables, table, line)}`;

    expect(statuses(wb, OVERRIDES_SHEET, 7)).toEqual([
      "OK: Director of Photography",
      "",
      fix(OVERRIDES_SHEET, 3),
      fix(OVERRIDES_SHEET, 4),
      fix(OVERRIDES_SHEET, 5),
      "OK: Drone Pilot",
      "",
    ]);
    expect(statuses(wb, ROLES_SHEET, 3)).toEqual(["OK", fix(ROLES_SHEET, 2), ""]);
    // What those sentences say, so the test reads what a producer reads.
    const [, , unit, role, amount] = statuses(wb, OVERRIDES_SHEET, 5);
    expect(unit).toMatch(/^Fix: Rate Overrides line 3: Unit 'wek' is not known\./);
    expect(role).toMatch(
      /^Fix: Rate Overrides line 4: Role 'Gafer' is not known\. Did you mean Gaffer/,
    );
    expect(amount).toMatch(/^Fix: Rate Overrides line 5: Amount '0x10' .*hexadecimal/);

    // The Settings sheet's production tables cell and the pane say the same words.
    const tablesCell = at(wb, SETTINGS_SHEET, settingRow("ProductionTables"), 1);
    // (It names the first of the 4, in sheet order: the roles are read first.)
    expect(String(tablesCell)).toContain(
      `Fix 4 table lines: ${engineSentence(tables, ROLES_SHEET, 2).replace(/\.$/, "")}`,
    );
    const problem = engine
      .withProductionToken(productionToken(tables))
      .tableProblems.find((p) => p.details.line === 4)!;
    expect(messageFor(problem).body).toContain(engineSentence(tables, OVERRIDES_SHEET, 4));
    expect(messageFor(problem).body).toContain('its Status column there says "Fix:"');
  });

  it("clears the status when the cell is fixed, and the line then prices", async () => {
    const { wb, rows } = await budget();
    typeLine(wb, OVERRIDES_SHEET, 1, ["Key Grip", "", "wek", 3000]);
    const status = () => at(wb, OVERRIDES_SHEET, TABLE_FIRST_ROW, statusColumn(OVERRIDES_SHEET));
    const keyGrip = () => at(wb, "Budget", rows.get("Key Grip")!, TOTAL);
    expect(status()).toMatch(/^Fix: Rate Overrides line 1: Unit 'wek'/);
    expect(keyGrip()).toBeInstanceOf(DetailedCellError);

    wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, 2, "week");
    expect(status()).toBe("OK: Key Grip");
    expect(at(wb, "Budget", rows.get("Key Grip")!, COLUMNS.indexOf("Rate"))).toBe(3000);

    // Cleared altogether: blank again, and the card's price comes back.
    for (let c = 0; c < statusColumn(OVERRIDES_SHEET); c++) {
      wb.setCell(OVERRIDES_SHEET, TABLE_FIRST_ROW - 1, c, "");
    }
    expect(status()).toBe("");
    expect(typeof keyGrip()).toBe("number");
  });

  it("stops only the crew lines a bad line would price: the others keep their numbers", async () => {
    const { wb, rows, totals } = await budget();
    typeTables(wb);
    const total = (role: string) => at(wb, "Budget", rows.get(role)!, TOTAL);

    // The bad key grip deal and the misspelt gaffer one stop their roles' lines, saying why.
    expect((total("Key Grip") as DetailedCellError).message).toContain("Rate Overrides line 3");
    expect((total("Gaffer") as DetailedCellError).message).toContain("Rate Overrides line 4");
    // The 1st AC is no line's business: the same number as before any table line.
    expect(total("1st Assistant Camera")).toBe(totals.get("1st Assistant Camera"));
    expect(typeof total("1st Assistant Camera")).toBe("number");
    // The good DP deal prices its line: 8 weeks at $9,000.
    expect(
      at(wb, "Budget", rows.get("Director of Photography")!, COLUMNS.indexOf("Subtotal")),
    ).toBe(72_000);
  });

  it("checks an override that names a production role against the Production Roles table", async () => {
    const { wb } = await budget();
    typeLine(wb, OVERRIDES_SHEET, 1, ["Drone Pilot", "", "day", 1400]);
    const status = () => at(wb, OVERRIDES_SHEET, TABLE_FIRST_ROW, statusColumn(OVERRIDES_SHEET));
    expect(status()).toMatch(/^Fix: Rate Overrides line 1: Role 'Drone Pilot' is not known/);

    typeLine(wb, ROLES_SHEET, 1, ROLES[0]!);
    expect(status()).toBe("OK: Drone Pilot");
    expect(at(wb, ROLES_SHEET, TABLE_FIRST_ROW, statusColumn(ROLES_SHEET))).toBe("OK");
  });

  it("keeps its formulas through the pane's writes: Add a role, an insert with its table lines, and their undo", async () => {
    const wb = new PreviewWorkbook(engine);
    const added = await wb.addProductionRole({
      title: "Drone Pilot",
      department: "Camera",
      account: "",
      description: "Flies the aerial unit's drone.",
      unit: "day",
      rate: 1200,
      agreement: "",
    });
    const inserted = await wb.appendCrewLines([crewLine("Gaffer", 2, "week")], {
      overrides: [{ role: "Gaffer", agreement: "", unit: "week", amount: 4000, note: "Deal" }],
    });
    expect(statuses(wb, ROLES_SHEET, 1)).toEqual(["OK"]);
    expect(statuses(wb, OVERRIDES_SHEET, 1)).toEqual(["OK: Gaffer"]);
    await wb.undoWrite(inserted.undo!);
    await wb.undoWrite(added.undo!);
    for (const sheet of [OVERRIDES_SHEET, ROLES_SHEET]) {
      expect(
        wb.hf.getCellFormula({
          sheet: wb.sheetId(sheet),
          row: TABLE_FIRST_ROW - 1,
          col: statusColumn(sheet),
        }),
      ).toBe(tableStatusFormula(sheet, TABLE_FIRST_ROW));
      expect(statuses(wb, sheet, 1)).toEqual([""]);
    }
  });
});

describe("CREW.TABLECHECK", () => {
  const crew = createCrewFunctions(engine);
  const token = productionToken({ overrides: OVERRIDES, roles: ROLES });

  it("says what is wrong with the call itself rather than a line's status", () => {
    const line = [OVERRIDES[0]!];
    const failure = (result: unknown) => {
      expect(isCellFailure(result)).toBe(true);
      return result as { error: string; message: string };
    };
    expect(failure(crew.tableCheck(line, 1, "Rate Overides", token, null)).message).toBe(
      "Table: 'Rate Overides' is not a production table (use Rate Overrides or Production Roles).",
    );
    expect(failure(crew.tableCheck(line, 1.5, "Rate Overrides", token, null)).message).toBe(
      "Rate Overrides: the line number must be a whole number from 1 up, not 1.5.",
    );
    expect(failure(crew.tableCheck(line, null, "Rate Overrides", token, null)).message).toBe(
      "Line number is empty.",
    );
    // A line the tables cell does not hold (its CREW.TABLES does not cover this sheet's lines).
    expect(failure(crew.tableCheck(line, 1, "Rate Overrides", "", null))).toMatchObject({
      error: "#VALUE!",
      message: expect.stringContaining(
        "Rate Overrides line 1: this line is not in the production tables cell",
      ) as unknown,
    });
    // A blank line needs no tables to be blank.
    expect(crew.tableCheck([[null, "", "  "]], 2, "Rate Overrides", "", null)).toBe("");
  });

  it("shares the tables cell's one parse with the crew lines, whether or not the cell carries its Fix note", () => {
    const own = new RateEngine(rateCard);
    const fresh = createCrewFunctions(own);
    const result = fresh.tables(OVERRIDES, ROLES);
    if (typeof result !== "string") throw new Error("the tables cell should be text");
    const cell = result;
    expect(cell).toMatch(/^Fix 4 table lines: /);
    expect(tablesText(cell)).toBe(token);
    expect(own.cacheSizes().productions).toBe(1);
    expect(fresh.tableCheck([OVERRIDES[0]!], 1, "Rate Overrides", cell, null)).toBe(
      "OK: Director of Photography",
    );
    expect(typeof fresh.rate("Director of Photography", 1, "week", ...Array<null>(6), cell)).toBe(
      "number",
    );
    // The same engine: no second build for the note-carrying text.
    expect(own.cacheSizes().productions).toBe(1);
  });

  it("defaults to the Rate Overrides table and reads table names loosely", () => {
    expect(crew.tableCheck([OVERRIDES[0]!], 1, null, token, null)).toBe(
      "OK: Director of Photography",
    );
    expect(crew.tableCheck([ROLES[0]!], 1, "production roles", token, null)).toBe("OK");
  });
});

describe("the Status column in the memory workbook", () => {
  it("shows what the sheet's formulas show for the same lines", () => {
    const memory = new MemoryWorkbook({ engine });
    memory.tables = { overrides: OVERRIDES.map((r) => [...r]), roles: ROLES.map((r) => [...r]) };
    const wb = new PreviewWorkbook(engine);
    typeTables(wb);

    expect(memory.tableStatuses(OVERRIDES_SHEET)).toEqual(
      statuses(wb, OVERRIDES_SHEET, OVERRIDES.length),
    );
    expect(memory.tableStatuses(ROLES_SHEET)).toEqual(statuses(wb, ROLES_SHEET, ROLES.length));
    expect(memory.tableStatuses(OVERRIDES_SHEET)[3]).toMatch(/^Fix: .*Role 'Gafer'/);

    // Fixed as a producer would: the status follows.
    memory.tables.overrides[3] = ["Gaffer", "", "week", 4000, ""];
    expect(memory.tableStatuses(OVERRIDES_SHEET)[3]).toBe("OK: Gaffer");
    memory.tables.overrides[2] = ["", "", "", "", ""];
    expect(memory.tableStatuses(OVERRIDES_SHEET)[2]).toBe("");
  });
});
