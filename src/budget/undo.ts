/**
 * Undo from the pane, host-neutral: how a cell read back is compared with the cell a write put
 * there, and a sheet's fingerprint, so every host refuses an undo the same way when someone has
 * changed what the write made (WorkbookPort.undoWrite).
 */
import { BUDGET_SHEET, columnLetter, TABLE_FIRST_ROW } from "./layout";
import type { Placement } from "./placement";
import type { CrewLinesUndo, TableLineWrite } from "./port";

/**
 * A cell as an undo compares it. Text loses the apostrophe that kept it text (hosts do not keep
 * it in the value) and surrounding spaces, and text that is a number is that number (a host may
 * read "3300" typed as text back as 3300); blank is "". A formula is compared outside its string
 * literals without spaces or case, and with its row numbers masked: rows inserted above a line
 * since it was written move its references (Excel and HyperFormula rewrite them), and a host may
 * print a formula with other spacing or case than it was written with.
 */
export function cellKey(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Object.is(cell, -0) ? "n:0" : `n:${cell}`;
  if (typeof cell === "boolean") return `b:${String(cell)}`;
  if (typeof cell !== "string") return `?:${typeof cell}`;
  const text = cell.startsWith("'") ? cell.slice(1) : cell;
  if (!text.startsWith("=")) {
    const trimmed = text.trim();
    if (trimmed === "") return "";
    return Number.isFinite(Number(trimmed)) ? `n:${Number(trimmed)}` : `t:${trimmed}`;
  }
  return `f:${formulaKey(text)}`;
}

/** A formula outside its string literals: no spaces, upper case, row numbers of references as #. */
function formulaKey(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, "")
            .toUpperCase()
            .replace(/(\$?[A-Z]{1,3}\$?)\d+/g, "$1#"),
    )
    .join("");
}

/** Whether a row read back holds what was written there (cells past the written ones ignored). */
export function holdsWritten(read: readonly unknown[] | undefined, written: readonly unknown[]) {
  return written.every((cell, i) => cellKey(read?.[i]) === cellKey(cell));
}

/** Whether a row read back holds exactly these cells: formulas to the character, row numbers too. */
function holdsExactly(read: readonly unknown[] | undefined, cells: readonly unknown[]): boolean {
  const exact = (cell: unknown) =>
    typeof cell === "string" && cell.startsWith("=") ? `f:${cell}` : cellKey(cell);
  return cells.every((cell, i) => exact(read?.[i]) === exact(cell));
}

/** Whether a row read back is blank over the written row's width. */
export function isBlankOver(read: readonly unknown[] | undefined, width: number): boolean {
  return Array.from({ length: width }, (_, i) => cellKey(read?.[i])).every((k) => k === "");
}

/**
 * A short fingerprint of a block of cells at a 1-based row and column (blank cells left out), as
 * cellKey sees them: the same for what a write put on a sheet and for what a later read finds
 * there until someone changes a cell.
 */
export function fingerprint(
  rows: readonly (readonly unknown[])[],
  firstRow = 1,
  firstColumn = 1,
): string {
  // FNV-1a over "row:col=key" of every non-blank cell, in reading order.
  let hash = 0x811c9dc5;
  let cells = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const k = cellKey(cell);
      if (k === "") return;
      cells++;
      const text = `${firstRow + r}:${firstColumn + c}=${k}\n`;
      for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    });
  });
  return `${cells}/${hash.toString(16).padStart(8, "0")}`;
}

/** The rows an appendCrewLines inserted, where they stand after it: what its undo takes away. */
export function crewLinesUndo(input: {
  placement: Placement;
  /** The budget's 1-based header row. */
  headerRow: number;
  /** The body rows before the write (values or formulas): the rewritten subtotals' old cells. */
  body: readonly (readonly unknown[])[];
  /** How many body rows there were before (Excel: the table's data rows, its blank one too). */
  bodyRowsBefore: number;
  /** Whether the first line went into the blank row a new Excel table starts with. */
  filledBlankRow: boolean;
  tableLines: TableLineWrite[];
  wages?: CrewLinesUndo["wages"];
}): CrewLinesUndo {
  const { placement, headerRow, body, filledBlankRow } = input;
  const inserted: CrewLinesUndo["inserted"] = [];
  const rewrites: CrewLinesUndo["rewrites"] = [];
  let blank: CrewLinesUndo["filledBlankRow"];
  let shift = 0;
  // Top down: each group's rows stand below every group inserted above it.
  for (const group of [...placement.groups].sort((a, b) => a.at - b.at)) {
    const start = headerRow + 1 + group.at + shift;
    group.rows.forEach((cells, k) => {
      if (filledBlankRow && group.at === 0 && k === 0) blank = { row: start, cells };
      else inserted.push({ row: start + k, cells });
    });
    if (group.rewrite) {
      rewrites.push({
        row: start + group.rows.length,
        cells: group.rewrite.cells,
        before: [...(body[group.at] ?? [])],
      });
    }
    shift += group.rows.length;
  }
  return {
    kind: "crew-lines",
    headerRow,
    bodyRows: input.bodyRowsBefore + placement.added - (filledBlankRow ? 1 : 0),
    inserted,
    ...(blank ? { filledBlankRow: blank } : {}),
    rewrites,
    tableLines: input.tableLines,
    ...(input.wages ? { wages: input.wages } : {}),
  };
}

/** What undoing crew lines does to the budget as it stands now, or why it must not. */
export type CrewLinesUndoPlan =
  | { problem: string }
  | {
      problem?: undefined;
      /** 0-based body rows to delete, bottom first (so none moves another). */
      deletes: number[];
      /** 0-based body rows, as they stand once the deletes are done, and the cells they get back. */
      rewrites: { index: number; cells: unknown[] }[];
      /** Whether the new table's blank row is emptied again. */
      clearBlankRow: boolean;
      /** Production-table lines to clear. */
      clearLines: TableLineWrite[];
    };

/**
 * How to take back the crew lines `undo` records from the budget as it is now, checked first:
 * every row still to go must hold what was written, and the rows, subtotals and table lines it
 * restores must hold either what the write left or what was there before. Rows already gone are
 * the bottom ones (an undo deletes bottom first), so an undo that stopped part way is finished,
 * and one that is complete does nothing.
 * @param now the header row, the body rows (formulas) and each of `undo.tableLines` as read now
 */
export function planCrewLinesUndo(
  undo: CrewLinesUndo,
  now: {
    headerRow: number;
    body: readonly (readonly unknown[])[];
    tableLines: readonly (readonly unknown[] | undefined)[];
  },
): CrewLinesUndoPlan {
  if (now.headerRow !== undo.headerRow) {
    return {
      problem: `the budget table has moved since (its header was on row ${undo.headerRow}, now ${now.headerRow}), so its rows are not where they were`,
    };
  }
  const bodyAt = (row: number) => now.body[row - undo.headerRow - 1];
  const bottomFirst = [...undo.inserted].sort((a, b) => b.row - a.row);
  const gone = undo.bodyRows - now.body.length;
  if (gone < 0 || gone > bottomFirst.length) {
    return { problem: "rows were added to or deleted from the budget since" };
  }
  for (const [j, { row, cells }] of bottomFirst.entries()) {
    const isThere = holdsWritten(bodyAt(row), cells);
    if (j >= gone && !isThere) {
      return { problem: `row ${row} of the ${BUDGET_SHEET} sheet has changed since it was added` };
    }
    // A row counted as gone that is still there: the count is someone else's doing.
    if (j < gone && isThere) {
      return { problem: "rows were added to or deleted from the budget since" };
    }
  }
  const goneRows = bottomFirst.slice(0, gone).map((r) => r.row);
  const rewrites: { index: number; cells: unknown[] }[] = [];
  for (const rewrite of undo.rewrites) {
    const current = rewrite.row - goneRows.filter((row) => row < rewrite.row).length;
    const read = bodyAt(current);
    if (!holdsWritten(read, rewrite.cells) && !holdsWritten(read, rewrite.before)) {
      return {
        problem: `the subtotal row ${current} of the ${BUDGET_SHEET} sheet has changed since the lines were added`,
      };
    }
    // Written back unless it holds its old cells exactly (row numbers and all) already.
    if (holdsExactly(read, rewrite.before)) continue;
    const above = undo.inserted.filter((r) => r.row < rewrite.row).length;
    rewrites.push({ index: rewrite.row - above - undo.headerRow - 1, cells: rewrite.before });
  }
  const blank = undo.filledBlankRow;
  if (blank) {
    const read = bodyAt(blank.row);
    if (!holdsWritten(read, blank.cells) && !isBlankOver(read, blank.cells.length)) {
      return {
        problem: `row ${blank.row} of the ${BUDGET_SHEET} sheet has changed since it was added`,
      };
    }
  }
  const clearLines: TableLineWrite[] = [];
  for (const [i, line] of undo.tableLines.entries()) {
    const read = now.tableLines[i];
    if (holdsWritten(read, line.cells)) clearLines.push(line);
    else if (!isBlankOver(read, line.cells.length)) {
      return {
        problem: `line ${line.line} of the ${line.sheet} sheet has changed since it was written`,
      };
    }
  }
  return {
    deletes: bottomFirst.slice(gone).map((r) => r.row - undo.headerRow - 1),
    rewrites,
    clearBlankRow: blank !== undefined && holdsWritten(bodyAt(blank.row), blank.cells),
    clearLines,
  };
}

/** The crew lines a role is priced on, by 1-based sheet row: an undone role would break them. */
export function linesUsingRole(
  lines: readonly { row: number; role: string }[],
  title: unknown,
): number[] {
  const key = cellKey(title).toLowerCase();
  return lines.filter((l) => cellKey(l.role).toLowerCase() === key).map((l) => l.row);
}

/** A 1-based table line's address on its sheet: "A6:G6". */
export function tableLineAddress(line: TableLineWrite): string {
  const row = TABLE_FIRST_ROW + line.line - 1;
  return `A${row}:${columnLetter(line.cells.length - 1)}${row}`;
}
