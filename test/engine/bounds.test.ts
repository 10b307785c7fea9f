/**
 * The long-lived engine's bounds: its caches stay within their limits however many distinct
 * requests go through them (one plan cache for an engine and every engine made from it), and a
 * search reads a bounded part of what it is given. Sizes are counted, never timed.
 */
import { describe, expect, it } from "vitest";
import { rateCard } from "../../src/data";
import { RateEngine, isRateError } from "../../src/engine";
import { PLAN_CACHE_LIMIT, PRODUCTION_CACHE_LIMIT } from "../../src/engine/engine";
import { MAX_SEARCH_LENGTH } from "../../src/engine/search";

/** Asks `engine` for a quote and returns its total, or the RateError it throws. */
function totalOf(engine: RateEngine, request: Parameters<RateEngine["quoteFast"]>[0]) {
  try {
    return engine.quoteFast(request).totalCents;
  } catch (e) {
    if (isRateError(e)) return e;
    throw e;
  }
}

describe("the plan cache of an engine", () => {
  it("holds at most twice its limit after many more distinct requests, and still answers the same", () => {
    const engine = new RateEngine(rateCard);
    const hot = { role: "Gaffer", unit: "day", hoursPerDay: 12 };
    const expected = engine.quoteFast(hot).totalCents;
    const requests = 3 * PLAN_CACHE_LIMIT;
    let most = 0;
    for (let i = 0; i < requests; i++) {
      // Mostly day lengths no agreement allows (each a distinct answer, cheap to make), with a
      // priced plan among them.
      const hoursPerDay = i % 10 === 0 ? 8 + i / requests : 25 + i;
      totalOf(engine, { role: "Gaffer", unit: "day", hoursPerDay });
      most = Math.max(most, engine.cacheSizes().plans);
    }
    expect(most).toBeLessThanOrEqual(2 * PLAN_CACHE_LIMIT);
    expect(most).toBeGreaterThanOrEqual(PLAN_CACHE_LIMIT);
    expect(engine.quoteFast(hot).totalCents).toBe(expected);
  }, 120_000);

  it("is shared by the engine's versions and productions, so one bound holds for all of them", () => {
    const engine = new RateEngine(rateCard);
    const older = engine.forVersion(engine.card.meta.versions[0]!.version);
    const production = engine.withProduction({
      overrides: [["Gaffer", "", "day", 900, ""]],
      roles: [],
    });
    // Each made engine's plans are held in the cache of the one it was made from.
    const ask = (on: RateEngine, from: number, n: number) => {
      for (let i = from; i < from + n; i++) {
        totalOf(on, { role: "Gaffer", unit: "day", hoursPerDay: 25 + i });
      }
    };
    ask(production, 0, 100);
    expect(engine.cacheSizes().plans).toBe(100);
    ask(older, 100, 100);
    expect(engine.cacheSizes().plans).toBe(200);
    let most = 0;
    for (let i = 0; i < 3 * PLAN_CACHE_LIMIT; i++) {
      ask([engine, older, production][i % 3]!, 1_000 + i, 1);
      most = Math.max(most, engine.cacheSizes().plans);
    }
    expect(most).toBeLessThanOrEqual(2 * PLAN_CACHE_LIMIT);
    expect(production.cacheSizes().plans).toBe(engine.cacheSizes().plans);
    // Each engine keeps its own answers in the shared cache.
    expect(production.quoteFast({ role: "Gaffer", unit: "day" }).unitRateCents).toBe(90_000);
    expect(engine.quoteFast({ role: "Gaffer", unit: "day" }).unitRateCents).not.toBe(90_000);
  }, 120_000);
});

describe("the production tables an engine keeps parsed", () => {
  it("are never more than its limit, however many distinct tables cells it is given", () => {
    const engine = new RateEngine(rateCard);
    for (let i = 0; i < 3 * PRODUCTION_CACHE_LIMIT; i++) {
      engine.withProduction({ overrides: [["Gaffer", "", "week", 3_000 + i, ""]], roles: [] });
      expect(engine.cacheSizes().productions).toBeLessThanOrEqual(PRODUCTION_CACHE_LIMIT);
    }
    expect(engine.cacheSizes().productions).toBeGreaterThan(0);
  });
});

describe("search", () => {
  const engine = new RateEngine(rateCard);

  it(`reads only the first ${MAX_SEARCH_LENGTH} characters of what it is given`, () => {
    const padded = `gaffer${" ".repeat(MAX_SEARCH_LENGTH)}qqqqzzzz`;
    expect(engine.search(padded)[0]?.title).toBe("Gaffer");
    // The same words within the limit: the unknown word leaves nothing.
    expect(engine.search("gaffer qqqqzzzz")).toEqual([]);
  });

  it("answers a search as long as a cell can hold", () => {
    const words = ["gaf", "key", "pa", "grip", "set", "dp", "ac", "boom"];
    let query = "";
    for (let i = 0; query.length < 32_767; i++) query += `${words[i % words.length]!} `;
    expect(Array.isArray(engine.search(query.slice(0, 32_767)))).toBe(true);
  });
});
