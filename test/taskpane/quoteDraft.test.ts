import { describe, expect, it } from "vitest";
import { isRateError } from "../../src/engine";
import { typedQuantity } from "../../src/taskpane/quoteDraft";

describe("the pane's quantity box reads numbers by the sheet's rule", () => {
  it("takes plain decimals", () => {
    expect(typedQuantity("10")).toBe(10);
    expect(typedQuantity(" 2.5 ")).toBe(2.5);
    expect(typedQuantity("1,000")).toBe(1000);
  });

  it.each(["0x10", "1e3", "-5", "+3", "1,2,3", "", "ten", "Infinity", "１２"])(
    "refuses %j with BAD_QUANTITY, as the crew list and the tables do",
    (text) => {
      let error: unknown;
      try {
        typedQuantity(text);
      } catch (e) {
        error = e;
      }
      expect(isRateError(error) && error.code).toBe("BAD_QUANTITY");
    },
  );
});
