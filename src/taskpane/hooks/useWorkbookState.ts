import { useCallback, useEffect, useRef, useState } from "react";
import type { BudgetLine, BudgetSettings, WorkbookPort } from "../../budget";
import type { ProductionTables } from "../../engine";

/**
 * Edits on the sheets are re-read this long after the last one: long enough that typing, a paste or
 * a fill costs one re-read, short enough that the pane has followed before the producer looks.
 */
export const REREAD_DELAY_MS = 350;

const NO_TABLES: ProductionTables = { overrides: [], roles: [] };

type SettingsState =
  | { status: "loading"; previous: BudgetSettings | undefined }
  | { status: "ready"; settings: BudgetSettings }
  | { status: "failed"; error: unknown };

export interface WorkbookState {
  /** The settings as last read (the previous ones while re-reading); undefined when none read. */
  settings: BudgetSettings | undefined;
  loading: boolean;
  /** Why the settings could not be read, when they could not. */
  settingsError: unknown;
  /** The Rate Overrides and Production Roles lines as last read. */
  tables: ProductionTables;
  tablesError: unknown;
  /** The budget's lines as last read: a named person's wages so far count toward yearly caps. */
  lines: readonly BudgetLine[];
  /** Why the lines could not be read (a renamed budget table), when they could not. */
  linesError: unknown;
  /** Re-reads settings, tables and lines; `setUpFirst` creates the budget sheets first. */
  reload: (setUpFirst?: boolean) => Promise<void>;
  /** Creates the budget sheets unless this pane already has. */
  ensureBudget: () => Promise<void>;
}

/**
 * What the workbook holds that the pane prices with: its settings, production tables and crew
 * lines, read on open, after the pane's own writes, and (where the host reports edits) once typing
 * on the sheets pauses.
 */
export function useWorkbookState(port: WorkbookPort): WorkbookState {
  const [settingsState, setSettingsState] = useState<SettingsState>({
    status: "loading",
    previous: undefined,
  });
  const [tables, setTables] = useState<ProductionTables>(NO_TABLES);
  const [tablesError, setTablesError] = useState<unknown>(undefined);
  const [lines, setLines] = useState<readonly BudgetLine[]>([]);
  const [linesError, setLinesError] = useState<unknown>(undefined);
  const hasBudget = useRef(false);
  // Each re-read's number: an older one that finishes late must not overwrite a newer one's reads.
  const latest = useRef(0);

  const ensureBudget = useCallback(async () => {
    if (hasBudget.current) return;
    await port.ensureBudget();
    hasBudget.current = true;
  }, [port]);

  const reload = useCallback(
    async (setUpFirst = false) => {
      const mine = ++latest.current;
      const isCurrent = () => mine === latest.current;
      setSettingsState((s) => ({
        status: "loading",
        previous:
          s.status === "ready" ? s.settings : s.status === "loading" ? s.previous : undefined,
      }));
      try {
        if (setUpFirst) {
          await port.ensureBudget();
          hasBudget.current = true;
        }
        const settings = await port.readSettings();
        if (isCurrent()) setSettingsState({ status: "ready", settings });
      } catch (error) {
        if (isCurrent()) setSettingsState({ status: "failed", error });
      }
      try {
        const read = await port.readProductionTables();
        if (isCurrent()) {
          setTables(read);
          setTablesError(undefined);
        }
      } catch (error) {
        if (isCurrent()) setTablesError(error);
      }
      try {
        const read = await port.readCrewLines();
        if (isCurrent()) {
          setLines(read);
          setLinesError(undefined);
        }
      } catch (error) {
        // Without the lines, a named person's yearly caps start from zero in the pane: said.
        if (isCurrent()) {
          setLines([]);
          setLinesError(error);
        }
      }
      // The topsheet shows the accounts the lines just read have (Excel hides the others' rows).
      // Only its look: on a failure the rows stay as they were, and the topsheet's own note says
      // if a hidden row holds money.
      if (isCurrent() && port.fitSheets) {
        await port.fitSheets().catch((error: unknown) => {
          console.warn("CrewRate could not show or hide the topsheet's account rows:", error);
        });
      }
    },
    [port],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  // Where the host reports edits (Excel's change events, the preview's own), re-read once typing
  // pauses, so the pane prices with what the sheets now hold; elsewhere the refresh button does
  // this. A re-read only sets state: it never moves the focus or the sheet's selection.
  useEffect(() => {
    if (!port.subscribe) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = port.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), REREAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [port, reload]);

  return {
    settings:
      settingsState.status === "ready"
        ? settingsState.settings
        : settingsState.status === "loading"
          ? settingsState.previous
          : undefined,
    loading: settingsState.status === "loading",
    settingsError: settingsState.status === "failed" ? settingsState.error : undefined,
    tables,
    tablesError,
    lines,
    linesError,
    reload,
    ensureBudget,
  };
}
