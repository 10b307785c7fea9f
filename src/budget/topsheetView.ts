/**
 * Which topsheet account rows show, host-neutral: with the Topsheet accounts setting at "with
 * lines", the rows of accounts no crew line rolls up to are hidden, and a group with none of its
 * accounts showing is hidden whole (heading, accounts, total). Read from the topsheet itself (its
 * account cells and its account sums cell), so a topsheet from an earlier build, or one a producer
 * added rows to, is read as it stands. Hiding never changes a total: the group totals and the
 * grand total add every account row, shown or not.
 */
import { accountHasLines } from "../engine";
import { TOPSHEET_HEADER_ROW, TOPSHEET_SUMS_ROW } from "./layout";
import { topsheetAccountsOf } from "./settings";

/** The topsheet account area's rows (1-based sheet rows), split into the ones to show and to hide. */
export interface TopsheetView {
  show: number[];
  hide: number[];
}

const text = (cell: unknown) =>
  typeof cell === "string" ? cell.trim() : typeof cell === "number" ? String(cell) : "";

/** The Labor account sums cell's column (G), 0-based: the Fringe and Total sums cells name the same lines. */
const SUMS_COLUMN = 6;

/**
 * @param cells the topsheet's values from row 1, columns A to G (the Labor account sums cell)
 * @param setting the Topsheet accounts setting's cell as it holds it
 * @returns every row from below the header to the first blank row (the group summary below it
 *   always shows); all shown when the setting is "all" (or unreadable) or the sums cell cannot be read (an error, or a
 *   program that cannot run CREW): a row is hidden only when it is known to have no lines
 */
export function topsheetView(
  cells: readonly (readonly unknown[])[],
  setting: unknown,
): TopsheetView {
  const view: TopsheetView = { show: [], hide: [] };
  const sums = cells[TOPSHEET_SUMS_ROW - 1]?.[SUMS_COLUMN];
  // An unreadable setting shows every account: hiding is only ever a choice.
  const accounts = topsheetAccountsOf(setting) ?? "all";
  const hasLines = (account: string) =>
    accounts === "all" || typeof sums !== "string"
      ? true
      : (accountHasLines(sums, account) ?? true);
  // A group, in sheet order: its heading and total rows (lines: undefined) and its account rows.
  let group: { row: number; lines?: boolean }[] = [];
  const close = () => {
    const anyShown = group.some((g) => g.lines === true);
    for (const g of group) (anyShown && g.lines !== false ? view.show : view.hide).push(g.row);
    group = [];
  };
  for (let r = TOPSHEET_HEADER_ROW; r < cells.length; r++) {
    const row = r + 1;
    const account = text(cells[r]?.[0]);
    const name = text(cells[r]?.[1]);
    if (account === "" && name === "") break;
    if (account !== "") {
      group.push({ row, lines: hasLines(account) });
    } else {
      group.push({ row });
      if (name.startsWith("Total ")) close();
    }
  }
  close();
  return view;
}
