/**
 * RFC 4180 rows: quoted fields, doubled quotes, CRLF or LF. Blank lines are kept (as [""]), so row
 * numbers match the file's lines (LibreOffice's sheet exports rely on that).
 */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

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
