/**
 * Where new crew lines go in a budget kept in chart-of-accounts order: each line lands at the end
 * of its account's block (above the account's subtotal row), and an account the budget does not
 * have yet gets a block of its own, with a subtotal row, where the chart puts it. Host-neutral:
 * both workbook adapters insert exactly the groups this plans.
 */
import { compareAccounts, majorAccount } from "./accounts";
import { crewLineRow, type CrewLineInput } from "./crewLine";
import {
  COLUMNS,
  FIRST_LINE_ROW,
  PREVIEW_WAGES,
  subtotalAccount,
  subtotalRow,
  type CellContent,
  type WagesSpill,
} from "./layout";

/** Rows inserted together at one place. */
export interface InsertGroup {
  /** 0-based index among the body rows as they were, before which the rows go (length: the end). */
  at: number;
  /** The rows, with formulas for where they land when the groups are inserted in order. */
  rows: CellContent[][];
  /**
   * An existing subtotal row that the insertion moves down and whose formulas now reach further:
   * its 0-based index after this group's insertion, and its new cells.
   */
  rewrite?: { index: number; cells: CellContent[] };
}

export interface Placement {
  /** In the order to insert them: from the bottom of the sheet up, so each is where it planned. */
  groups: InsertGroup[];
  /** The 1-based sheet row of each new line once every group is in, in the order given. */
  lineRows: number[];
  /** Rows added in all (lines and new subtotal rows). */
  added: number;
}

/**
 * Plans an insert of `lines` into body rows (values in COLUMNS order, the first at sheet row
 * `firstLineRow`).
 * @param accountName the name a new account subtotal row carries ("Camera Operations")
 */
export function placeLines(
  body: readonly (readonly unknown[])[],
  lines: readonly CrewLineInput[],
  accountName: (account: string) => string,
  firstLineRow: number = FIRST_LINE_ROW,
  wagesSpill: WagesSpill = PREVIEW_WAGES,
): Placement {
  const accountAt = COLUMNS.indexOf("Account");
  const roleAt = COLUMNS.indexOf("Role");
  const text = (v: unknown) =>
    typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  const rows = body.map((cells) => {
    const subtotal = subtotalAccount(cells[accountAt]);
    const role = text(cells[roleAt]);
    return {
      subtotal,
      account: subtotal ?? (role ? majorAccount(text(cells[accountAt])) : undefined),
    };
  });

  const byAccount = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = majorAccount(line.account);
    byAccount.set(key, [...(byAccount.get(key) ?? []), i]);
  });
  // Within an account, detail accounts in chart order (3301 before 3304), else as given.
  for (const inputs of byAccount.values()) {
    inputs.sort(
      (a, b) => compareAccounts(lines[a]!.account.trim(), lines[b]!.account.trim()) || a - b,
    );
  }

  interface Planned {
    account: string;
    at: number;
    inputs: number[];
    withSubtotal: boolean;
    subtotalIndex?: number;
  }
  const planned: Planned[] = [...byAccount.entries()].map(([account, inputs]) => {
    const subtotalIndex = rows.findIndex((r) => r.subtotal === account);
    if (subtotalIndex >= 0)
      return { account, at: subtotalIndex, inputs, withSubtotal: false, subtotalIndex };
    let lastLine = -1;
    rows.forEach((r, i) => {
      if (r.subtotal === undefined && r.account === account) lastLine = i;
    });
    if (lastLine >= 0) return { account, at: lastLine + 1, inputs, withSubtotal: true };
    const later = rows.findIndex(
      (r) => r.account !== undefined && compareAccounts(r.account, account) > 0,
    );
    // At the end: after the last row that holds anything (a table's blank rows stay below).
    let end = rows.length;
    while (end > 0 && rows[end - 1]?.account === undefined && isBlank(body[end - 1])) end--;
    return { account, at: later >= 0 ? later : end, inputs, withSubtotal: true };
  });

  const rewriteAccount = new Map<InsertGroup, string>();
  // Top-down final order: by place, then chart order among groups at the same place.
  const topDown = [...planned].sort((a, b) => a.at - b.at || compareAccounts(a.account, b.account));
  const lineRows: number[] = new Array<number>(lines.length).fill(0);
  let shift = 0;
  for (const p of topDown) {
    p.inputs.forEach((input, k) => {
      lineRows[input] = firstLineRow + p.at + shift + k;
    });
    shift += p.inputs.length + (p.withSubtotal ? 1 : 0);
  }

  // One group per place (blocks that land at the same place are adjacent), inserted from the
  // bottom up; each group's rows are numbered where they land at its turn.
  // Each subtotal sums its block: the rows below the nearest subtotal row above it. Among the
  // body as it was, the nearest subtotal above a place:
  const blockStartAbove = (at: number) => {
    for (let i = at - 1; i >= 0; i--) if (rows[i]?.subtotal !== undefined) return i + 1;
    return 0;
  };
  /** The 1-based row where the block ending at a group's next row starts, at the group's turn. */
  const blockStart = (group: InsertGroup) => {
    for (let k = group.rows.length - 1; k >= 0; k--) {
      if (subtotalAccount(group.rows[k]?.[accountAt]) !== undefined) {
        return firstLineRow + group.at + k + 1;
      }
    }
    return firstLineRow + blockStartAbove(group.at);
  };
  const groups: InsertGroup[] = [];
  for (const p of topDown) {
    let group = groups.find((g) => g.at === p.at);
    if (!group) {
      group = { at: p.at, rows: [] };
      groups.push(group);
    }
    const first = firstLineRow + p.at + group.rows.length;
    const start = blockStart(group);
    group.rows.push(
      ...p.inputs.map((input, k) => crewLineRow(lines[input]!, first + k, wagesSpill)),
    );
    if (p.withSubtotal) {
      group.rows.push(
        subtotalRow(p.account, accountName(p.account), first + p.inputs.length, start),
      );
    }
    if (p.subtotalIndex !== undefined) rewriteAccount.set(group, p.account);
  }
  for (const [group, account] of rewriteAccount) {
    // The account's subtotal row sits right below everything inserted at its place.
    const index = group.at + group.rows.length;
    group.rewrite = {
      index,
      cells: subtotalRow(account, accountName(account), firstLineRow + index, blockStart(group)),
    };
  }
  groups.reverse();
  return { groups, lineRows, added: shift };
}

function isBlank(cells: readonly unknown[] | undefined): boolean {
  return (cells ?? []).every((c) => c === "" || c === null || c === undefined);
}
