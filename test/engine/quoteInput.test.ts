import { describe, expect, it } from "vitest";
import { describeRateError, quoteInput } from "../../src/engine";
import { engine } from "../../src/data";
import { createCrewFunctions } from "../../src/functions/crewFunctions";

const crew = createCrewFunctions(engine);

describe("a message repeats what the user typed on one line", () => {
  it("reads line breaks, tabs and control characters as one space", () => {
    expect(quoteInput("Key\r\n\tGrip")).toBe("'Key Grip'");
    expect(quoteInput("Dolly\u0007Grip\u2028")).toBe("'Dolly Grip '");
    // Spaces stay as typed: a doubled one can be why a name did not match.
    expect(quoteInput(" Best  Boy ")).toBe("' Best  Boy '");
  });

  it("cuts a long entry so the sentence around it stays readable", () => {
    const quoted = quoteInput("x".repeat(500));
    expect(quoted).toHaveLength(62);
    expect(quoted.endsWith("…'")).toBe(true);
  });

  it("keeps an unknown role's message one sentence", () => {
    const message = describeRateError("UNKNOWN_ROLE", { input: "Best\nBoy\nGrup" });
    expect(message).toMatch(/^Unknown role 'Best Boy Grup'\./);
    expect(message).not.toMatch(/[\n\r]/);
  });

  it("keeps a production table line's fix on one line (the tables cell and its status)", () => {
    const result = crew.tables([], [["Plate Wrangler Lead", "!\n!", "", "", "day", 800]]);
    expect(result).toMatch(
      /^Fix this table line: Production Roles line 1: Department '! !' is not known\./,
    );
  });

  it("names a repeated override's agreement as the card does, not as typed", () => {
    const result = crew.tables(
      [
        ["Gaffer", "IATSE", "week", 5, ""],
        ["gaffer", "iatse\n", "weekly", 6, ""],
      ],
      [],
    );
    expect(result).toMatch(
      /^Fix this table line: Rate Overrides line 2: repeats line 1 \(Gaffer, IATSE Basic Agreement, week\); keep one\./,
    );
  });
});
