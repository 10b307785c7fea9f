/**
 * What a failed write may have left in the workbook, as far as the adapter knows:
 * - "no": nothing reached the workbook (it refused before writing, or a read after the failure
 *   found the workbook as it was);
 * - "unknown": a write batch failed after Excel may have applied it, and no read could tell;
 * - "yes": part of it is known to be there (`check` says where).
 */
export type WorkbookChange = "no" | "unknown" | "yes";

export interface WorkbookErrorOptions {
  cause?: unknown;
  /** Default "no": most WorkbookErrors are refusals made before anything is written. */
  changed?: WorkbookChange;
  /** Where to look, when `changed` is not "no" ("line 4 of the Production Roles sheet"). */
  check?: string;
}

/**
 * A failure writing to (or reading) the workbook. `changed` says whether anything could have been
 * written: the pane's message claims "nothing was changed" only when it is "no".
 */
export class WorkbookError extends Error {
  readonly changed: WorkbookChange;
  readonly check: string | undefined;

  constructor(message: string, options: WorkbookErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WorkbookError";
    this.changed = options.changed ?? "no";
    this.check = options.check;
  }
}
