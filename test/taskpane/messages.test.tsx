// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { RateError, type RateErrorCode } from "../../src/engine";
import { engine } from "../../src/data";
import { WorkbookError } from "../../src/budget";
import { messageFor } from "../../src/taskpane/messages";

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("messageFor", () => {
  it("names the unknown role and suggests the closest ones", () => {
    const m = messageFor(thrownBy(() => engine.findRole("gafferr xyz")));
    expect(m.title).toBe("Role not found");
    expect(m.body).toContain("'gafferr xyz'");
  });

  it("lists suggestions as a producer would say them", () => {
    const m = messageFor(
      new RateError("UNKNOWN_ROLE", {
        input: "grp",
        suggestions: ["Grip", "Key Grip", "Dolly Grip"],
      }),
    );
    expect(m.body).toBe("No crew role matches 'grp'. Did you mean Grip, Key Grip or Dolly Grip?");
  });

  it("explains NO_RATE with the engine's reason, not a number", () => {
    const error = thrownBy(() =>
      engine.quote({ role: "Post Producer", agreement: "IATSE", date: "2026-08-02" }),
    );
    const m = messageFor(error);
    expect(m.title).toBe("No rate for this combination");
    expect(m.body).toContain(
      "Post Producer under IATSE Basic Agreement in Los Angeles by the week",
    );
    expect(m.body).toContain("the card has no IATSE Basic Agreement scale for this role");
  });

  it("says what to try when NO_RATE has no reason", () => {
    const m = messageFor(new RateError("NO_RATE", { role: "Gaffer", unit: "flat" }));
    expect(m.body).toBe(
      "The rate card has no rate for Gaffer as a flat fee. Try another agreement or unit.",
    );
  });

  it("points settings problems at the Settings sheet", () => {
    expect(messageFor(new RateError("UNKNOWN_REGION", { input: "Mars" })).body).toContain(
      "Settings sheet",
    );
    expect(messageFor(new RateError("BAD_DATE", { input: "2026-13-01" })).body).toContain(
      "Settings sheet",
    );
    expect(messageFor(new RateError("BAD_HOURS", { input: "30" })).body).toContain(
      "Settings sheet",
    );
  });

  it("says a workbook pinned to a newer rate card needs a newer add-in", () => {
    const m = messageFor(thrownBy(() => engine.forVersion("2099.1")));
    expect(m.title).toBe("Unknown rate card version");
    expect(m.body).toContain("'2099.1'");
    expect(m.body).toContain("update the add-in");
  });

  it("asks for a quantity when none is typed", () => {
    expect(messageFor(new RateError("BAD_QUANTITY", { input: "" })).body).toBe(
      "Enter a quantity from 0 to 10,000.",
    );
    expect(messageFor(new RateError("BAD_QUANTITY", { input: "20000" })).body).toBe(
      "The quantity '20000' must be a number from 0 to 10,000.",
    );
  });

  it.each<RateErrorCode>([
    "UNKNOWN_ROLE",
    "UNKNOWN_AGREEMENT",
    "UNKNOWN_UNIT",
    "UNKNOWN_REGION",
    "UNKNOWN_TIER",
    "UNKNOWN_FIELD",
    "UNKNOWN_DEPARTMENT",
    "UNKNOWN_VERSION",
    "BAD_QUANTITY",
    "BAD_DATE",
    "BAD_HOURS",
    "BAD_DAYS",
    "BAD_WAGES",
    "NO_RATE",
  ])("gives %s a title and a sentence", (code) => {
    const m = messageFor(new RateError(code, { input: "x" }));
    expect(m.title.length).toBeGreaterThan(3);
    expect(m.body).toMatch(/[.?]$/);
    expect(m.body).not.toContain("undefined");
  });

  it("says a workbook failure changed nothing", () => {
    const m = messageFor(new WorkbookError("The CrewBudget table is locked."));
    expect(m).toEqual({
      title: "Problem with the workbook",
      body: "The CrewBudget table is locked. Nothing in the budget was changed.",
    });
  });

  it("never swallows an unexpected error", () => {
    expect(messageFor(new TypeError("x is not a function")).body).toBe(
      "Something went wrong: x is not a function",
    );
    expect(messageFor("offline").body).toBe("Something went wrong: offline");
    expect(messageFor({ code: 5 }).body).toBe('Something went wrong: {"code":5}');
    expect(messageFor(undefined).body).toBe("Something went wrong: undefined");
  });
});
