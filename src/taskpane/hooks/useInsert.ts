import { useCallback, useRef, useState } from "react";
import type { AppendResult, CrewLineInput, WorkbookPort } from "../../budget";
import type { InsertKind, InsertOutcome } from "../components/InsertActions";
import type { LastWrite } from "./useLastWrite";

/** Inserts quicker than this show no progress bar, so fast workbooks do not flicker. */
const PROGRESS_DELAY_MS = 300;

const LIVE_NOTE =
  "Qty, Agreement and the Settings sheet stay live: edit them in the sheet and the totals follow.";

export interface Insert {
  busy: InsertKind | undefined;
  showProgress: boolean;
  outcome: InsertOutcome | undefined;
  clearOutcome: () => void;
  /**
   * Writes lines in one batch; on failure the outcome offers to retry exactly the same lines, on
   * success to undo them (`what` names them for the button: "adding Gaffer").
   */
  insert: (
    kind: InsertKind,
    lines: readonly CrewLineInput[],
    describe: (result: AppendResult) => string,
    what?: string,
  ) => Promise<void>;
}

/** "row 7", "rows 7–12". */
export function rowsText(result: AppendResult): string {
  const rows = [...(result.lineRows ?? [])].sort((a, b) => a - b);
  if (rows.length === 0) {
    return result.rowsAdded === 1
      ? `row ${result.firstRow}`
      : `rows ${result.firstRow}–${result.firstRow + result.rowsAdded - 1}`;
  }
  // Lines land at their accounts, so they need not be adjacent: runs of rows, as a reader counts.
  const runs: string[] = [];
  let start = rows[0]!;
  let end = start;
  for (const row of [...rows.slice(1), Number.NaN]) {
    if (row === end + 1) {
      end = row;
      continue;
    }
    runs.push(start === end ? String(start) : `${start}–${end}`);
    start = row;
    end = row;
  }
  const list = runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(", ")} and ${runs.at(-1)!}`;
  return `${rows.length === 1 ? "row" : "rows"} ${list}`;
}

/**
 * Inserting crew lines: one write at a time, the budget sheets created first if needed, and the
 * workbook re-read afterwards.
 */
export function useInsert(
  port: WorkbookPort,
  ensureBudget: () => Promise<void>,
  reload: () => Promise<void>,
  lastWrite?: LastWrite,
): Insert {
  const [busy, setBusy] = useState<InsertKind | undefined>(undefined);
  const [showProgress, setShowProgress] = useState(false);
  const [outcome, setOutcome] = useState<InsertOutcome | undefined>(undefined);
  const isWriting = useRef(false);

  const insert = useCallback(
    async (
      kind: InsertKind,
      lines: readonly CrewLineInput[],
      describe: (result: AppendResult) => string,
      what = "adding the lines",
    ): Promise<void> => {
      if (isWriting.current) return;
      isWriting.current = true;
      setBusy(kind);
      setOutcome(undefined);
      setShowProgress(false);
      const timer = setTimeout(() => {
        setShowProgress(true);
      }, PROGRESS_DELAY_MS);
      try {
        await ensureBudget();
        const appended = await port.appendCrewLines(lines);
        const undoId = lastWrite?.offer(what, appended.undo);
        setOutcome({ kind: "success", title: describe(appended), text: LIVE_NOTE, undoId });
        // The budget now exists for certain; re-read its settings (they may have been edited).
        void reload();
      } catch (error) {
        setOutcome({
          kind: "error",
          error,
          retry: () => void insert(kind, lines, describe, what),
        });
      } finally {
        clearTimeout(timer);
        isWriting.current = false;
        setBusy(undefined);
        setShowProgress(false);
      }
    },
    [port, ensureBudget, reload, lastWrite],
  );

  const clearOutcome = useCallback(() => {
    setOutcome(undefined);
  }, []);

  return { busy, showProgress, outcome, clearOutcome, insert };
}
