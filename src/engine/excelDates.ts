/**
 * Spreadsheet date serials: day 0 is 1899-12-30, so serials from 61 (1900-03-01) on match the
 * calendar (Lotus's phantom 1900-02-29 sits before that). Excel and HyperFormula both count this way.
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** 9999-12-31, the last date Excel can hold. */
export const LAST_EXCEL_SERIAL = 2_958_465;

/** A date serial (the day; any time of day is dropped) as YYYY-MM-DD. */
export function serialToIso(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD as a date serial. */
export function isoToSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH_MS) / DAY_MS);
}
