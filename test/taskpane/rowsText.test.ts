/** What the pane says about where inserted lines went: their real rows, adjacent or not. */
import { describe, expect, it } from "vitest";
import { rowsText } from "../../src/taskpane/hooks/useInsert";

describe("rowsText", () => {
  it("names runs of rows when lines landed at different accounts", () => {
    expect(rowsText({ firstRow: 7, rowsAdded: 3, lineRows: [10, 7, 8] })).toBe("rows 7–8 and 10");
    expect(rowsText({ firstRow: 5, rowsAdded: 4, lineRows: [5, 9, 12, 13] })).toBe(
      "rows 5, 9 and 12–13",
    );
  });

  it("reads one row or one run plainly", () => {
    expect(rowsText({ firstRow: 14, rowsAdded: 1, lineRows: [14] })).toBe("row 14");
    expect(rowsText({ firstRow: 5, rowsAdded: 3, lineRows: [5, 6, 7] })).toBe("rows 5–7");
    // A host that appends in order reports no lineRows.
    expect(rowsText({ firstRow: 5, rowsAdded: 2 })).toBe("rows 5–6");
  });
});
