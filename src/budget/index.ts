/** The budget workbook, host-neutral: what the adapters and the pane import. */
export * from "./crewLine";
export * from "./errors";
export * from "./layout";
export type { AppendResult, SelectedCells, SharedCopy, WorkbookPort } from "./port";
export { MAX_SELECTION_COLUMNS, MAX_SELECTION_ROWS } from "./port";
export * from "./settings";
export * from "./share";
export * from "./presentation";
export * from "./updateDiff";
export * from "./crewList";
export * from "./compare";
export * from "./accounts";
export * from "./placement";
export * from "./migration";
export * from "./topsheetView";
