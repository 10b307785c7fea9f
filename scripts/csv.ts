import { parseCsvRows } from "../src/budget/csv";

export { parseCsvRows };

/** A small RFC 4180 reader for the golden tables: header row, blank lines skipped. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = parseCsvRows(text).filter((row) => row.some((f) => f !== ""));
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells, n) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV row ${n + 2} has ${cells.length} fields, the header ${header.length}`);
    }
    return Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
  });
}

/** "5029.34" → 502934; "" → undefined. */
export function parseDollarsToCents(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) throw new Error(`not a dollar figure: '${text}'`);
  const [whole, frac = ""] = text.trim().split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}
