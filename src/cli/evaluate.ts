import { DetailedCellError, type CellValue } from "hyperformula";
import type { RateEngine } from "../engine";
import { buildCrewWorkbook } from "../functions/hyperformula";

export interface EvalResult {
  text: string;
  isError: boolean;
}

function cellText(value: CellValue): string {
  if (value instanceof DetailedCellError) return `${value.value} ${value.message}`.trim();
  if (value === null) return "";
  return String(value);
}

/**
 * Evaluates one formula in a one-cell HyperFormula workbook with the CREW functions registered.
 * A spilled result prints as tab-separated rows; an error as its error value and message.
 */
export function evaluateFormula(engine: RateEngine, formula: string): EvalResult {
  const text = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  const hf = buildCrewWorkbook(engine, { Sheet1: [[text]] });
  try {
    const sheet = hf.getSheetId("Sheet1")!;
    const values = hf.getSheetValues(sheet);
    const first = values[0]?.[0] ?? null;
    const isError = first instanceof DetailedCellError;
    const rows = values.map((row) => row.map(cellText).join("\t"));
    return { text: rows.join("\n"), isError };
  } finally {
    hf.destroy();
  }
}
