/**
 * "Share as values": which sheets are copied, what each formula becomes in the copy, and the
 * writes that turn a copied sheet into values, for people without the add-in.
 */
import { WorkbookError } from "./errors";
import {
  BUDGET_SHEET,
  BUDGET_TABLE,
  columnLetter,
  nativeLineSum,
  textCell,
  TOPSHEET_SHEET,
} from "./layout";

/** The sheets "Share as values" copies, and the names of their copies (CrewRate's own sheets). */
export const SHARED_SHEETS = [
  { source: BUDGET_SHEET, copy: `${BUDGET_SHEET} (values)` },
  { source: TOPSHEET_SHEET, copy: `${TOPSHEET_SHEET} (values)` },
] as const;

/** The sheet a sheet is laid out like: a values copy's source, else the sheet itself. */
export function layoutSheetOf(sheet: string): string {
  return SHARED_SHEETS.find((s) => s.copy === sheet)?.source ?? sheet;
}

/** The note a values copy carries in row 2, where the budget's own note was. No date: deterministic. */
export function valuesNote(settings: { cardVersion: string; budgetDate: string }): string {
  return `Values from CrewRate rate card ${settings.cardVersion}, budget date ${settings.budgetDate}, shared — no add-in needed to read it.`;
}

/**
 * What a cell's formula becomes in a values copy: "keep" it (plain arithmetic over the copy's own
 * cells, or the budget table's structured references, copied with the sheet), replace it by its
 * current "value" (any CREW formula, and anything that reads another sheet: a sheet reference, a
 * workbook name such as =ShootWeeks, another table), or a `formula`: the topsheet's budget totals
 * with their references to the Budget sheet pointed at its values copy, or a budget subtotal's
 * CREW.LINESUM as the same checked sum in native functions (the copy keeps adding up).
 */
export type ShareCell = "keep" | "value" | { formula: string };

const SHEET_REF = /(?:'((?:[^']|'')+)'|([A-Za-z_\\][\w.\\]*))!/g;
const IDENTIFIER = /[A-Za-z_\\][\w.\\]*/g;
/** Stands in for a structured reference's brackets once their contents are dropped. */
const TABLE_MARK = "\u0001";

export function shareCell(formula: string): ShareCell {
  if (!formula.startsWith("=")) return "keep";
  const native = nativeLineSum(formula);
  if (native !== undefined) return { formula: native };
  if (/CREW\./i.test(formula)) return "value";
  const budgetCopy = SHARED_SHEETS[0].copy;
  let otherSheet = false;
  let pointsAtBudget = false;
  // Odd parts are string literals ("..." with "" inside), left as they are.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const code = parts.filter((_, i) => i % 2 === 0);
  const rewritten = parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(SHEET_REF, (ref, quoted?: string, bare?: string) => {
            const sheet = (quoted ?? bare ?? "").replace(/''/g, "'");
            if (sheet.toLowerCase() !== BUDGET_SHEET.toLowerCase()) {
              otherSheet = true;
              return ref;
            }
            pointsAtBudget = true;
            return `'${budgetCopy}'!`;
          }),
    )
    .join("");
  if (otherSheet) return "value";

  let text = code.join(" ").replace(SHEET_REF, " ").replace(/\$/g, "");
  for (let before = ""; before !== text;) {
    before = text;
    text = text.replace(/\[[^[\]]*\]/g, TABLE_MARK);
  }
  for (const match of text.matchAll(IDENTIFIER)) {
    const name = match[0];
    const start = match.index;
    const next = text.charAt(start + name.length);
    const previous = text.charAt(start - 1);
    if (/[\d.]/.test(previous)) continue; // an exponent (1E5), not a name
    const isFunction = next === "(";
    const isBudgetTable = next === TABLE_MARK && name.toLowerCase() === BUDGET_TABLE.toLowerCase();
    const isCell = /^[A-Z]{1,3}\d+$/i.test(name);
    const isColumn = /^[A-Z]{1,3}$/i.test(name) && (next === ":" || previous === ":");
    const isBoolean = /^(TRUE|FALSE)$/i.test(name);
    if (!(isFunction || isBudgetTable || isCell || isColumn || isBoolean)) return "value";
  }
  return pointsAtBudget ? { formula: rewritten } : "keep";
}

/** The CREW functions whose result spills over the cells below (and beside) the formula. */
const SPILLING = /CREW\.(WAGESBEFORE|ROLES|EXPLAIN)\s*\(/i;

/** How many columns a spilling CREW formula fills: EXPLAIN's label and value, one for the rest. */
function spillWidth(formula: string): number {
  return /CREW\.EXPLAIN\s*\(/i.test(formula) ? 2 : 1;
}

/** One write into a values copy: a run of neighbouring cells in a row, all values or all formulas. */
export interface ValueWrite {
  address: string;
  kind: "values" | "formulas";
  cells: unknown[];
}

/**
 * What to write over a copied sheet, from the original's used range (at 0-based `top`, `left`):
 * values where shareCell says so, rewritten formulas where it rewrites; runs of neighbouring cells
 * of one kind go in one range. @throws WorkbookError while a CREW formula still shows #BUSY!
 */
export function valueWrites(
  formulas: unknown[][],
  values: unknown[][],
  top: number,
  left: number,
): ValueWrite[] {
  const writes: ValueWrite[] = [];
  // Columns a CREW formula above spills into: its value written over the anchor ends the spill,
  // so the cells it filled get their values too (down to the next formula or blank cell).
  const spilling = new Set<number>();
  formulas.forEach((row, r) => {
    let run: (ValueWrite & { end: number }) | undefined;
    row.forEach((formula, c) => {
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      const blank = (formula === "" || formula === null) && (values[r]?.[c] ?? "") === "";
      if (isFormula || blank) spilling.delete(c);
      const spilled = spilling.has(c);
      if (isFormula && SPILLING.test(formula)) {
        for (let k = 0; k < spillWidth(formula); k++) spilling.add(c + k);
      }
      const verdict = spilled ? "value" : typeof formula === "string" ? shareCell(formula) : "keep";
      if (verdict === "keep") {
        run = undefined;
        return;
      }
      const kind = verdict === "value" ? "values" : "formulas";
      const value = values[r]?.[c];
      // A computed text that looks like a formula stays text in the copy.
      const cell =
        verdict !== "value" ? verdict.formula : typeof value === "string" ? textCell(value) : value;
      if (cell === "#BUSY!") {
        throw new WorkbookError(
          "The budget is still calculating (a cell shows #BUSY!). Wait for it to finish, then try again.",
        );
      }
      if (run?.kind === kind && run.end === c - 1) {
        run.cells.push(cell);
        run.end = c;
        run.address = `${run.address.split(":")[0] ?? ""}:${columnLetter(left + c)}${top + r + 1}`;
      } else {
        run = { address: `${columnLetter(left + c)}${top + r + 1}`, kind, cells: [cell], end: c };
        writes.push(run);
      }
    });
  });
  return writes.map(({ address, kind, cells }) => ({ address, kind, cells }));
}
