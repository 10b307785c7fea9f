/**
 * The plan cache: a total bound however many distinct keys go through, what a workbook keeps asking
 * for stays, and a long text in a key counts for the memory it holds.
 */
import { describe, expect, it } from "vitest";
import { PlanCache, type CacheKeyTerm } from "../../src/engine/planCache";

/** The cache's answer for `key`, computing `value` and keeping it when it has none. */
function ask<V>(cache: PlanCache<V>, key: readonly CacheKeyTerm[], value: V): V {
  const found = cache.get(key);
  if (found !== undefined) return found;
  cache.set(key, value);
  return value;
}

const owner = {};

describe("PlanCache", () => {
  it("never holds more than twice its limit, however many distinct keys go through", () => {
    const cache = new PlanCache<number>(100);
    let most = 0;
    for (let i = 0; i < 5_000; i++) {
      ask(cache, [owner, `role ${i % 7}`, i], i);
      most = Math.max(most, cache.size);
    }
    expect(most).toBeLessThanOrEqual(200);
    // Not vacuous: it does keep answers up to its bound.
    expect(most).toBeGreaterThanOrEqual(100);
  });

  it("gives back the answer kept for a key, telling apart keys that differ in one term", () => {
    const cache = new PlanCache<string>(1_000);
    const keys: CacheKeyTerm[][] = [
      [owner, "Gaffer", "day", undefined],
      [owner, "Gaffer", "day", 12],
      [owner, "Gaffer", "week", undefined],
      [{}, "Gaffer", "day", undefined],
    ];
    keys.forEach((key, i) => ask(cache, key, `answer ${i}`));
    keys.forEach((key, i) => {
      expect(cache.get(key)).toBe(`answer ${i}`);
    });
    expect(cache.get([owner, "Key Grip", "day", undefined])).toBeUndefined();
  });

  it("keeps what is asked for in every generation while one-off keys age out", () => {
    const cache = new PlanCache<number>(50);
    const hot = [owner, "Gaffer", "day", 10];
    let computed = 0;
    for (let i = 0; i < 10_000; i++) {
      if (cache.get(hot) === undefined) {
        computed++;
        cache.set(hot, 1);
      }
      ask(cache, [owner, "One-off", "day", i], i);
    }
    expect(computed).toBe(1);
    expect(cache.get([owner, "One-off", "day", 0])).toBeUndefined();
  });

  it("counts a long text in a key as the several entries of memory it holds", () => {
    const cache = new PlanCache<number>(10);
    let most = 0;
    for (let i = 0; i < 100; i++) {
      // 4,100 characters: five entries' worth, so two fill a generation of ten.
      ask(cache, [owner, `${i} ${"x".repeat(4_100)}`], i);
      most = Math.max(most, cache.size);
    }
    expect(most).toBeLessThanOrEqual(4);
  });

  it("drops everything on clear", () => {
    const cache = new PlanCache<number>(10);
    ask(cache, [owner, "Gaffer"], 1);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get([owner, "Gaffer"])).toBeUndefined();
  });
});
