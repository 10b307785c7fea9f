/**
 * Bringing a budget made by CrewRate's layout 1 up to date, host-neutral: which settings layout 2
 * added, the note the migrated budget carries, and layout 1's crew lines read back as the lines
 * layout 2 writes. The Excel adapter does the one-batch rewrite (the preview always starts new).
 */
import { quoteInput, type Unit } from "../engine";
import type { CrewLineInput, Phase } from "./crewLine";
import { BUDGET_SHEET, LAYOUT_1_COLUMNS } from "./layout";
import type { SettingName } from "./settings";

/** The settings layout 2 added after layout 1's last (ProductionTables). */
export const LAYOUT_2_SETTINGS: readonly SettingName[] = [
  "Contingency",
  "LayoutVersion",
  "TotalBudget",
  "HealthContribution",
  "TopsheetAccounts",
];

export const LAYOUT_1_NOTE =
  "Brought up to date from CrewRate layout 1: money-first columns, lines in chart-of-accounts order with account subtotals, a topsheet by account with contingency. Every line's choices are as they were.";

/**
 * A layout-1 budget's crew lines as CrewLineInput, or why they cannot be carried over: a computed
 * cell (Rate, Subtotal, Fringe, Total, Basis) that no longer holds CrewRate's formula, or a Qty
 * that is neither a number nor a phase's weeks.
 * @param firstRow the 1-based sheet row of the first body row
 */
export function layout1Lines(
  body: readonly (readonly unknown[])[],
  firstRow: number,
): CrewLineInput[] | string {
  const at = (row: readonly unknown[], name: (typeof LAYOUT_1_COLUMNS)[number]) =>
    row[LAYOUT_1_COLUMNS.indexOf(name)];
  const text = (v: unknown) =>
    typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  const lines: CrewLineInput[] = [];
  const phases: Record<string, Phase> = {
    "=PREPWEEKS": "prep",
    "=SHOOTWEEKS": "shoot",
    "=WRAPWEEKS": "wrap",
  };
  for (const [i, row] of body.entries()) {
    const role = text(at(row, "Role"));
    if (!role) continue;
    const sheetRow = firstRow + i;
    for (const name of ["Rate", "Subtotal", "Fringe", "Total", "Basis"] as const) {
      const cell = text(at(row, name));
      if (!cell.startsWith("=")) {
        return `This budget was made by an earlier CrewRate (layout 1). To bring it up to date, its lines' computed cells must hold CrewRate's formulas, but ${BUDGET_SHEET} row ${sheetRow}'s ${name} holds ${quoteInput(cell)}. Put a negotiated amount on the Rate Overrides sheet instead (or clear the cell so the line re-prices), then open CrewRate again. Nothing was changed.`;
      }
    }
    const qtyCell = at(row, "Qty");
    const phase =
      typeof qtyCell === "string" ? phases[qtyCell.replace(/\s/g, "").toUpperCase()] : undefined;
    const quantity = typeof qtyCell === "number" ? qtyCell : phase;
    if (quantity === undefined) {
      return `This budget was made by an earlier CrewRate (layout 1). Bringing it up to date carries each line's Qty over, but ${BUDGET_SHEET} row ${sheetRow}'s Qty holds ${quoteInput(text(qtyCell))} (a number or =ShootWeeks, =PrepWeeks, =WrapWeeks is expected). Type the number there, then open CrewRate again. Nothing was changed.`;
    }
    const choice = (name: "Region" | "Tier") => {
      const v = text(at(row, name));
      return v === "" || v.toUpperCase() === `=${name.toUpperCase()}` ? undefined : v;
    };
    const person = text(at(row, "Person"));
    const agreement = text(at(row, "Agreement"));
    lines.push({
      account: text(at(row, "Account")),
      department: text(at(row, "Department")),
      role,
      person: person || undefined,
      description: text(at(row, "Description")),
      agreement: agreement || undefined,
      quantity,
      unit: text(at(row, "Unit")) as Unit,
      region: choice("Region"),
      tier: choice("Tier"),
    });
  }
  return lines;
}
