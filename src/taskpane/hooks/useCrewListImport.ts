import { useCallback, useMemo, useRef, useState } from "react";
import {
  parseCrewList,
  planImport,
  productionRoleRow,
  rateOverrideRow,
  selectionText,
  type AppendResult,
  type BudgetSettings,
  type CrewListRow,
  type ImportPlan,
  type RowChoice,
  type TitleMatcher,
  type WorkbookPort,
} from "../../budget";
import {
  productionToken,
  type ProductionTables,
  type RateEngine,
  type TableCell,
} from "../../engine";
import type { LastWrite } from "./useLastWrite";

export type ImportOutcome =
  | { kind: "success"; result: AppendResult; lines: number; undoId: number | undefined }
  | { kind: "error"; error: unknown };

export interface CrewListImport {
  text: string;
  setText: (text: string) => void;
  /** The pasted rows as read by "Read the list"; undefined before. */
  rows: CrewListRow[] | undefined;
  read: () => void;
  /**
   * "Use the selected cells": reads the workbook's selection into the paste box and reads it as
   * "Read the list" would. Undefined where the host has no selection to read.
   */
  readSelection: (() => Promise<void>) | undefined;
  /** True while the selection is being read. */
  reading: boolean;
  /** What the last selection read brought in ("Read 42 rows from Budget!A5:D46"). */
  selectionNote: string | undefined;
  plan: ImportPlan | undefined;
  choose: (line: number, choice: RowChoice | undefined) => void;
  busy: boolean;
  outcome: ImportOutcome | undefined;
  clearOutcome: () => void;
  insert: () => Promise<void>;
}

/** Appends rows to a table's lines the way the port will: into its first blank lines. */
function withRows(lines: readonly (readonly TableCell[])[], added: TableCell[][]): TableCell[][] {
  const result = lines.map((row) => [...row]);
  let next = 0;
  for (let i = 0; i < result.length && next < added.length; i++) {
    if (result[i]!.every((c) => c === "" || c === null)) result[i] = added[next++]!;
  }
  return [...result, ...added.slice(next)];
}

/**
 * Importing a crew list: the pasted text, the plan (re-made as the producer settles rows), and
 * the one write that inserts the lines with their negotiated rates and new roles.
 */
export function useCrewListImport(
  engine: RateEngine,
  settings: BudgetSettings | undefined,
  tables: ProductionTables,
  port: WorkbookPort,
  ensureBudget: () => Promise<void>,
  reload: () => Promise<void>,
  match?: TitleMatcher,
  lastWrite?: LastWrite,
): CrewListImport {
  const [text, setText] = useState("");
  const [rows, setRows] = useState<CrewListRow[] | undefined>(undefined);
  const [choices, setChoices] = useState<ReadonlyMap<number, RowChoice>>(new Map());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined);
  const writing = useRef(false);
  const [reading, setReading] = useState(false);
  const [selectionNote, setSelectionNote] = useState<string | undefined>(undefined);

  const readText = useCallback((typed: string) => {
    setRows(parseCrewList(typed));
    setChoices(new Map());
    setOutcome(undefined);
  }, []);

  const read = useCallback(() => {
    setSelectionNote(undefined);
    readText(text);
  }, [text, readText]);

  const canReadSelection = port.readSelection !== undefined;
  const readSelection = useCallback(async () => {
    if (!port.readSelection) return;
    setReading(true);
    setSelectionNote(undefined);
    setOutcome(undefined);
    try {
      const selected = await port.readSelection();
      const typed = selectionText(selected.rows);
      setText(typed);
      readText(typed);
      const count = selected.rows.length;
      setSelectionNote(`Read ${count} row${count === 1 ? "" : "s"} from ${selected.address}`);
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      setReading(false);
    }
  }, [port, readText]);

  const plan = useMemo(
    () =>
      rows && settings
        ? planImport(engine, rows, settings, {
            choices,
            existingOverrides: tables.overrides,
            ...(match ? { match } : {}),
          })
        : undefined,
    [engine, rows, settings, choices, tables, match],
  );

  const choose = useCallback((line: number, choice: RowChoice | undefined) => {
    setChoices((previous) => {
      const next = new Map(previous);
      if (choice) next.set(line, choice);
      else next.delete(line);
      return next;
    });
  }, []);

  const insert = useCallback(async () => {
    if (!plan?.ready || writing.current) return;
    writing.current = true;
    setBusy(true);
    setOutcome(undefined);
    try {
      // The checks the sheet's Production tables cell will make, made first: a line this import
      // adds that would not read there is refused here, before anything is written. (A line
      // already there that does not read is the sheet's: it stops only the lines it prices.)
      const before = new Set(
        engine.withProductionToken(productionToken(tables)).tableProblems.map((e) => e.message),
      );
      const added = engine
        .withProductionToken(
          productionToken({
            overrides: withRows(tables.overrides, plan.overrides.map(rateOverrideRow)),
            roles: withRows(tables.roles, plan.roles.map(productionRoleRow)),
          }),
        )
        .tableProblems.find((e) => !before.has(e.message));
      if (added) throw added;
      await ensureBudget();
      const result = await port.appendCrewLines(plan.lines, {
        overrides: plan.overrides,
        roles: plan.roles,
      });
      const count = plan.lines.length;
      const undoId = lastWrite?.offer(
        `the import (${count} line${count === 1 ? "" : "s"})`,
        result.undo,
      );
      setOutcome({ kind: "success", result, lines: count, undoId });
      setRows(undefined);
      setText("");
      setSelectionNote(undefined);
      setChoices(new Map());
      void reload();
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      writing.current = false;
      setBusy(false);
    }
  }, [engine, plan, tables, port, ensureBudget, reload, lastWrite]);

  const clearOutcome = useCallback(() => {
    setOutcome(undefined);
  }, []);

  return {
    text,
    setText,
    rows,
    read,
    readSelection: canReadSelection ? readSelection : undefined,
    reading,
    selectionNote,
    plan,
    choose,
    busy,
    outcome,
    clearOutcome,
    insert,
  };
}
