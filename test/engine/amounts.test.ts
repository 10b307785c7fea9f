// @vitest-environment jsdom
/**
 * One rule for amounts typed as text (src/engine/amounts.ts), and the four places that read them
 * holding to it: the production tables (the sheet), the CREW functions' arguments, a pasted crew
 * list, and the pane's "Add a role" form.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { defaultSettings, parseCrewList, planImport } from "../../src/budget";
import { MemoryWorkbook } from "../../src/budget/memoryWorkbook";
import { engine } from "../../src/data";
import {
  describeAmount,
  isRateError,
  MAX_AMOUNT_DOLLARS,
  readAmount,
  UNITS,
  type AmountFault,
  type AmountReading,
  type AmountRule,
  type Unit,
} from "../../src/engine";
import { ArgumentError, argsOf } from "../../src/functions/args";
import { AddRole } from "../../src/taskpane/components/AddRole";
import { setUpPaneTests } from "../taskpane/paneHarness";

setUpPaneTests();

const DOLLARS: AmountRule = { kind: "dollars" };
const COUNT: AmountRule = { kind: "count" };

function valueOf(reading: AmountReading): number | undefined {
  return reading.ok ? reading.value : undefined;
}

function faultOf(reading: AmountReading): AmountFault | undefined {
  return reading.ok ? undefined : reading.fault;
}

describe("readAmount", () => {
  it.each([
    ["1200", 1200],
    ["1200.50", 1200.5],
    ["  12 ", 12],
    ["1,200", 1200],
    ["1,200.5", 1200.5],
    ["$1,200.50", 1200.5],
    ["$ 950", 950],
    ["10,000,000", 10_000_000],
    [".5", 0.5],
    ["12.", 12],
    ["0", 0],
    ["\u00a0300\u00a0", 300],
  ])("takes %j as %d dollars", (typed, value) => {
    expect(readAmount(typed, DOLLARS)).toEqual({ ok: true, value });
  });

  it.each<[string, AmountFault, string]>([
    ["", "empty", "is empty"],
    ["   ", "empty", "is empty"],
    ["0x10", "notation", "is hexadecimal"],
    ["$0X1F", "notation", "is hexadecimal"],
    ["0b101", "notation", "is binary"],
    ["0o17", "notation", "is octal"],
    ["1e3", "notation", "has an exponent"],
    ["1.5E+3", "notation", "has an exponent"],
    ["1,2,3", "grouping", "has commas that are not in groups of three"],
    ["12,34", "grouping", "has commas that are not in groups of three"],
    ["1,2000", "grouping", "has commas that are not in groups of three"],
    ["-5", "negative", "is negative"],
    ["-$5", "negative", "is negative"],
    ["$-5", "negative", "is negative"],
    ["(50)", "negative", "is negative"],
    ["+3", "sign", "has a + sign"],
    ["12.345", "cents", "has more than two decimal places (cents)"],
    ["１２", "digits", "uses digits other than 0 to 9"],
    ["٣", "digits", "uses digits other than 0 to 9"],
    ["Infinity", "not-a-number", "is not a number"],
    ["NaN", "not-a-number", "is not a number"],
    ["ten", "not-a-number", "is not a number"],
    ["1 000", "not-a-number", "is not a number"],
    ["1.2.3", "not-a-number", "is not a number"],
    ["$", "not-a-number", "is not a number"],
    ["12,50 €", "not-a-number", "is not a number"],
    ["9".repeat(400), "too-large", "is too large"],
  ])("refuses %j as dollars: %s", (typed, fault, reason) => {
    expect(readAmount(typed, DOLLARS)).toMatchObject({ ok: false, fault, reason });
  });

  it("takes any decimals in a count (a quantity, hours) and two at most in dollars", () => {
    expect(valueOf(readAmount("12.345", COUNT))).toBe(12.345);
    expect(valueOf(readAmount("0.125", COUNT))).toBe(0.125);
    expect(faultOf(readAmount("12.345", DOLLARS))).toBe("cents");
    // A European thousands point is refused, never read a thousand times too small.
    expect(faultOf(readAmount("1.200", DOLLARS))).toBe("cents");
    // Everything else is the same rule for both.
    for (const typed of ["0x10", "1e3", "1,2,3", "-5", "+3", "", "１２", "Infinity"]) {
      expect(faultOf(readAmount(typed, COUNT)), typed).toBe(faultOf(readAmount(typed, DOLLARS)));
    }
  });

  it("takes a number cell as it is, from 0 up, any decimals (rounding is money.ts's)", () => {
    expect(valueOf(readAmount(1234.567, DOLLARS))).toBe(1234.567);
    expect(valueOf(readAmount(-0, DOLLARS))).toBe(0);
    expect(Object.is(valueOf(readAmount(-0, DOLLARS)), 0)).toBe(true);
    expect(faultOf(readAmount(-5, DOLLARS))).toBe("negative");
    expect(faultOf(readAmount(Number.NaN, DOLLARS))).toBe("not-a-number");
    expect(faultOf(readAmount(Number.POSITIVE_INFINITY, DOLLARS))).toBe("too-large");
  });

  it.each(UNITS)("holds dollars per %s to its ceiling, text or number, and no more", (unit) => {
    const max = MAX_AMOUNT_DOLLARS[unit];
    const per: AmountRule = { kind: "dollars", per: unit };
    expect(valueOf(readAmount(max, per))).toBe(max);
    expect(valueOf(readAmount(max.toLocaleString("en-US"), per))).toBe(max);
    expect(faultOf(readAmount(max + 0.01, per))).toBe("too-large");
    expect(faultOf(readAmount(`${max}.01`, per))).toBe("too-large");
    // Without a unit, dollars have no ceiling here (a budget total has its own, in the engine).
    expect(valueOf(readAmount(max + 0.01, DOLLARS))).toBe(max + 0.01);
  });

  it("keeps what was typed for messages on one line, at most 40 characters of it", () => {
    const long = `x${"9".repeat(100)}`;
    const read = readAmount(long, DOLLARS);
    expect(read.ok ? "" : read.typed).toBe(long.slice(0, 40));
    const broken = readAmount("1,200\n50", DOLLARS);
    expect(broken.ok ? "" : broken.typed).toBe("1,200 50");
  });
});

describe("describeAmount", () => {
  const refusal = (typed: string | number, rule: AmountRule) => {
    const read = readAmount(typed, rule);
    if (read.ok) throw new Error(`${String(typed)} was taken`);
    return read;
  };

  it("says what was wrong, in the sheet's sentence", () => {
    expect(describeAmount("Rate", refusal("0x10", DOLLARS))).toBe(
      "Rate '0x10' must be an amount in dollars from 0 up, written as 1250 or $1,250.00; it is hexadecimal",
    );
    expect(describeAmount("Amount", refusal("1,2,3", DOLLARS))).toBe(
      "Amount '1,2,3' must be an amount in dollars from 0 up, written as 1250 or $1,250.00; it has commas that are not in groups of three",
    );
    expect(describeAmount("Quantity", refusal("-5", COUNT))).toBe(
      "Quantity '-5' must be a number from 0 up, written as 12 or 2.5; it is negative",
    );
  });

  it("names the ceiling and the unit for an amount over it", () => {
    expect(describeAmount("Rate", refusal("10,000,000", { kind: "dollars", per: "hour" }))).toBe(
      "Rate '10,000,000' is more than $5,000 per hour, the most a line may pay; check the amount and the unit",
    );
  });

  it("asks for the amount when there is none", () => {
    expect(describeAmount("Rate", refusal(" ", { kind: "dollars", per: "day" }))).toBe(
      "Rate is empty: give it in dollars per day, as 1250 or $1,250.00",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The four entry points, each read as a user meets it. A reading is the dollars taken or the
// words of the refusal.

type Verdict = { taken: number } | { refused: string };

const refusedBy = (error: unknown): Verdict => {
  if (isRateError(error) || error instanceof ArgumentError) {
    return { refused: error.message.replace(/^(Rate Overrides|Production Roles) line \d+: /, "") };
  }
  throw error;
};

/** The sheet: a Rate Overrides line paying the Gaffer `typed` per `unit`. */
function sheetOverride(typed: string, unit: Unit): Verdict {
  try {
    const prod = engine.withProduction({ overrides: [["Gaffer", "", unit, typed, ""]], roles: [] });
    return { taken: prod.quoteFast({ role: "Gaffer", unit }).unitRateCents / 100 };
  } catch (error) {
    return refusedBy(error);
  }
}

/** The sheet: a Production Roles line paying `typed` per `unit`. */
function sheetRole(typed: string, unit: Unit): Verdict {
  try {
    const prod = engine.withProduction({
      overrides: [],
      roles: [["Drone Pilot", "Camera", "", "", unit, typed]],
    });
    return { taken: prod.quoteFast({ role: "Drone Pilot", unit }).unitRateCents / 100 };
  } catch (error) {
    return refusedBy(error);
  }
}

/** A pasted crew list: a Gaffer row with `typed` as its rate per `unit`; undefined for no rate. */
function crewList(typed: string, unit: Unit): Verdict | undefined {
  const rows = parseCrewList(`Title\tQty\tUnit\tRate\nGaffer\t1\t${unit}\t${typed}`);
  const [planned] = planImport(engine, rows, defaultSettings()).rows;
  if (planned?.kind === "line") {
    return planned.row.rate === undefined ? undefined : { taken: planned.row.rate };
  }
  if (planned?.kind === "bad") {
    return { refused: planned.error instanceof Error ? planned.error.message : "?" };
  }
  throw new Error(`unexpected plan row ${planned?.kind ?? "none"}`);
}

/** The CREW functions: a dollar argument (CREW.TIER's total budget) typed as `typed`. */
function functionArgument(typed: string): Verdict {
  try {
    return { taken: argsOf("TIER", [typed])("total") };
  } catch (error) {
    return refusedBy(error);
  }
}

/** The pane: "Add a role" with `typed` as its rate per `unit`, submitted. */
async function addRoleForm(typed: string, unit: Unit): Promise<Verdict & { written: unknown[] }> {
  const port = new MemoryWorkbook();
  // No pause between keystrokes: two dozen forms are filled in here.
  const user = userEvent.setup({ delay: null });
  let added = false;
  const view = render(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(AddRole, {
        engine,
        tables: { overrides: [], roles: [] },
        port,
        onAdded: () => {
          added = true;
        },
        ensureBudget: () => Promise.resolve(),
      }),
    ),
  );
  try {
    await user.click(screen.getByText("Add a role"));
    const form = screen.getByRole("form", { name: "Add a role" });
    // Each text goes in at once (a paste), and fields are found by their labels: cheaper than
    // keystrokes and role queries, for two dozen forms.
    await user.click(within(form).getByLabelText(/^Title/));
    await user.paste("Drone Pilot");
    await user.selectOptions(within(form).getByLabelText(/^Department/), "Camera");
    await user.selectOptions(within(form).getByLabelText(/^Per/), unit);
    await user.click(within(form).getByLabelText(/^Rate/));
    if (typed !== "") await user.paste(typed);
    await user.click(within(form).getByText("Add role"));
    await waitFor(() => {
      expect(added || screen.queryByRole("alert") !== null).toBe(true);
    });
    const written = port.tables.roles.map((row) => row[5]);
    if (added) return { taken: Number(written[0]), written };
    const alert = screen.getByRole("alert");
    // The message bar's title, then the message.
    const text = alert.textContent ?? "";
    expect(text.startsWith("Check the form")).toBe(true);
    return { refused: text.slice("Check the form".length), written };
  } finally {
    view.unmount();
  }
}

/** Each text, the unit it is per, and the dollars every entry point takes it as (or a refusal). */
const AMOUNTS: [typed: string, unit: Unit, dollars: number | "refused"][] = [
  ["0x10", "day", "refused"],
  ["1e3", "day", "refused"],
  ["1,2,3", "day", "refused"],
  ["-5", "day", "refused"],
  ["  12 ", "day", 12],
  ["1,200", "day", 1200],
  ["1,200.5", "day", 1200.5],
  ["$1,200.50", "day", 1200.5],
  ["12.345", "day", "refused"],
  ["", "day", "refused"],
  ["１２", "day", "refused"],
  ["Infinity", "day", "refused"],
  ["+3", "day", "refused"],
  ["12,34", "day", "refused"],
  ["1 000", "day", "refused"],
  ["(50)", "day", "refused"],
  ["0b11", "day", "refused"],
  [".5", "day", 0.5],
  ["$ 950", "week", 950],
  ["10,000,000", "hour", "refused"],
  ["5,000", "hour", 5000],
  ["5,000.01", "hour", "refused"],
  ["250,000", "week", 250_000],
  ["250,000.01", "week", "refused"],
];

describe("every entry point reads an amount alike", () => {
  it.each(AMOUNTS)(
    "%j per %s: the sheet, the crew list, CREW arguments and Add a role agree",
    async (typed, unit, dollars) => {
      const sheet = sheetOverride(typed, unit);
      const role = sheetRole(typed, unit);
      const list = crewList(typed, unit);
      const argument = functionArgument(typed);
      const form = await addRoleForm(typed, unit);

      if (dollars === "refused") {
        expect(sheet).toHaveProperty("refused");
        expect(role).toHaveProperty("refused");
        expect(form).toHaveProperty("refused");
        // The form refuses before it writes anything, in the sheet's own words.
        expect(form.written).toEqual([]);
        expect("refused" in form ? form.refused : "").toBe("refused" in role ? role.refused : "");
        // A blank rate in a crew list is a row without a negotiated rate, priced at scale.
        if (typed === "") expect(list).toBeUndefined();
        else expect(list).toHaveProperty("refused");
      } else {
        expect(sheet).toEqual({ taken: dollars });
        expect(role).toEqual({ taken: dollars });
        expect(list).toEqual({ taken: dollars });
        expect(form).toMatchObject({ taken: dollars });
        expect(form.written).toEqual([dollars]);
      }
      // A CREW argument in dollars is a total (a budget, wages to date) with no unit: it reads the
      // text by the same rule, and only a per-unit ceiling does not apply to it.
      const overCeiling = readAmount(typed, { kind: "dollars", per: unit });
      if (!overCeiling.ok && overCeiling.fault === "too-large") {
        expect(argument).toEqual({ taken: Number(typed.replace(/,/g, "")) });
      } else if (dollars === "refused") {
        expect(argument).toHaveProperty("refused");
      } else {
        expect(argument).toEqual({ taken: dollars });
      }
    },
  );

  it.each([
    ["2.5", 2.5],
    ["12.345", 12.345],
    [" 8 ", 8],
    ["1,000", 1000],
    ["0x10", "refused"],
    ["1e3", "refused"],
    ["1,2,3", "refused"],
    ["-5", "refused"],
    ["+3", "refused"],
    ["１２", "refused"],
    ["Infinity", "refused"],
  ] as const)("quantity %j: the crew list and CREW.RATE's argument agree", (typed, expected) => {
    const [row] = parseCrewList(`Title\tQty\nGaffer\t${typed}`);
    let argument: number | "refused";
    try {
      argument = argsOf("RATE", ["Gaffer", typed])("quantity");
    } catch (error) {
      if (!(error instanceof ArgumentError)) throw error;
      argument = "refused";
    }
    expect(argument).toBe(expected);
    expect(row?.problem === undefined ? row?.quantity : "refused").toBe(expected);
  });
});
