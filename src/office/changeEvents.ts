/**
 * The pane follows edits made on the sheets: Excel's worksheet change events, narrowed to the sheets
 * the pane prices with (Settings, the Budget's crew lines, Rate Overrides and Production Roles).
 *
 * This code only listens and looks up sheet ids. It never selects, activates or focuses anything, so
 * a producer typing on a sheet keeps the cell, the selection and the keyboard.
 */
import { BUDGET_SHEET, OVERRIDES_SHEET, ROLES_SHEET, SETTINGS_SHEET } from "../budget";
import type { ExcelRun } from "./excelRun";

/** The sheets whose cells the pane reads: a change on any of them means re-reading. */
export const WATCHED_SHEETS: readonly string[] = [
  SETTINGS_SHEET,
  BUDGET_SHEET,
  OVERRIDES_SHEET,
  ROLES_SHEET,
];

export interface SheetChangeOptions {
  run: ExcelRun;
  /** Sheet names to follow; WATCHED_SHEETS unless given. */
  sheets?: readonly string[];
  /**
   * Told when Excel will not report changes (an Excel without worksheet collection events,
   * ExcelApi 1.9) or a lookup fails. The pane's refresh button still works then.
   */
  onProblem: (error: unknown) => void;
}

type ChangeHandler = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

/**
 * Calls `listener` after cells change on a watched sheet, however they changed (typed, pasted,
 * filled, a coauthor's edit, or this add-in's own writes). One handler on the worksheet collection
 * covers sheets the budget creates later; each event's sheet id is matched against the watched
 * sheets' ids, looked up once and again only for an id not seen before.
 * @returns the unsubscribe, which may be called before Excel has confirmed the handler
 */
export function watchSheetChanges(listener: () => void, options: SheetChangeOptions): () => void {
  const { run, onProblem } = options;
  const names = options.sheets ?? WATCHED_SHEETS;
  // Worksheet id → whether it is one of the watched sheets. Ids do not change when a sheet is renamed.
  const known = new Map<string, boolean>();
  let stopped = false;
  let handler: ChangeHandler | undefined;

  const queueIdLookup = (context: Excel.RequestContext) => {
    const sheets = names.map((name) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("isNullObject, id");
      return sheet;
    });
    return () => {
      for (const sheet of sheets) if (!sheet.isNullObject) known.set(sheet.id, true);
    };
  };

  const isWatched = async (worksheetId: string): Promise<boolean> => {
    if (!known.has(worksheetId)) {
      // A sheet this code has not seen: one made since the last lookup (the budget being set up).
      await run(async (context) => {
        const record = queueIdLookup(context);
        await context.sync();
        record();
      });
      if (!known.has(worksheetId)) known.set(worksheetId, false);
    }
    return known.get(worksheetId) === true;
  };

  const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    let watched: boolean;
    try {
      watched = await isWatched(event.worksheetId);
    } catch (error) {
      // Without the ids, re-reading once too often is better than missing an edit.
      onProblem(error);
      watched = true;
    }
    if (watched && !stopped) listener();
  };

  const remove = async (): Promise<void> => {
    const added = handler;
    handler = undefined;
    if (!added) return;
    // Office removes a handler only through the request context that added it.
    added.remove();
    await added.context.sync();
  };

  const start = async (): Promise<void> => {
    await run(async (context) => {
      const record = queueIdLookup(context);
      const added = context.workbook.worksheets.onChanged.add(onChanged);
      await context.sync();
      record();
      handler = added;
    });
    if (stopped) await remove();
  };

  start().catch(onProblem);
  return () => {
    stopped = true;
    remove().catch(onProblem);
  };
}
