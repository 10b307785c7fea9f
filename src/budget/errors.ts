/** A failure writing to the workbook; nothing was changed when this is thrown. */
export class WorkbookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookError";
  }
}
