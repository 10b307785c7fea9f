/** messages.ts claims "nothing was changed" only when the WorkbookError says so. */
import { describe, expect, it } from "vitest";
import { WorkbookError } from "../../src/budget";
import { messageFor } from "../../src/taskpane/messages";

describe("messageFor and what a WorkbookError knows", () => {
  it("says nothing changed for a refusal, once, even when the adapter said it already", () => {
    expect(messageFor(new WorkbookError("The table is locked.")).body).toBe(
      "The table is locked. Nothing in the budget was changed.",
    );
    expect(messageFor(new WorkbookError("Could not add: busy. Nothing was changed.")).body).toBe(
      "Could not add: busy. Nothing was changed.",
    );
  });

  it("says 'may have' and where to look when a batch may have landed", () => {
    const body = messageFor(
      new WorkbookError("Could not add the role: connection lost.", {
        changed: "unknown",
        check: "Look at line 4 of the Production Roles sheet.",
      }),
    ).body;
    expect(body).toBe(
      "Could not add the role: connection lost. Part of it may have reached the workbook: CrewRate could not check. Look at line 4 of the Production Roles sheet.",
    );
    expect(body).not.toMatch(/Nothing/);
  });

  it("says it landed when part of it is known to be there", () => {
    const body = messageFor(
      new WorkbookError("The values copy is made, but naming it failed.", {
        changed: "yes",
        check: "Rename CrewRate x new 1 to Budget (values).",
      }),
    ).body;
    expect(body).toContain("Part of it did reach the workbook. Rename CrewRate x new 1");
    expect(body).not.toMatch(/Nothing/);
  });
});
