/**
 * The transcribed books waiting to go on the card (test/golden/incoming): each reads as a CSV with
 * its header, and every row is either a printed figure (dollars, with cents where the book prints them) or the rule text the
 * book prints instead, inside a well-formed period, with the page it was read from.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../scripts/csv";

const DIR = resolve(import.meta.dirname, "../golden/incoming");

const BOOKS = {
  "asa-2024-27.csv":
    "rate_set,category,classification,grade,unit,amount,effective_from,effective_to,page,printed_label",
  "lbt-2023-25.csv":
    "appendix,tier,city_set,classification,grade,unit,amount,effective_from,effective_to,page,printed_label",
  "local-52-2024-27.csv":
    "category,department,classification,unit,amount,hours,effective_from,effective_to,page,printed_label",
} as const;

describe.each(Object.entries(BOOKS))("incoming book %s", (file, header) => {
  const text = readFileSync(resolve(DIR, file), "utf8");
  const rows = parseCsv(text);

  it("has the documented header and rows", () => {
    expect(text.split(/\r?\n/)[0]).toBe(header);
    expect(rows.length).toBeGreaterThan(1000);
  });

  it("holds printed figures or printed rule text only, each in a period with its page", () => {
    const bad = rows.filter((r) => {
      const figure = /^\d+(\.\d{2})?$/.test(r.amount ?? "");
      const rule = r.amount === "" && (r.printed_label ?? "").trim() !== "";
      const dates =
        /^\d{4}-\d{2}-\d{2}$/.test(r.effective_from ?? "") &&
        /^\d{4}-\d{2}-\d{2}$/.test(r.effective_to ?? "") &&
        (r.effective_from ?? "") <= (r.effective_to ?? "");
      return !(figure || rule) || !dates || !/^[1-9]\d*$/.test(r.page ?? "") || !r.classification;
    });
    expect(bad).toEqual([]);
  });
});
