/**
 * The pinned-card totals fixtures (card-2026.N-totals.json): every request they hold, with the
 * total (cents, or null where the card refused the line) the card gave it when they were made.
 */
import { isRateError, type Quote, type QuoteRequest, type RateEngine } from "../../src/engine";

export interface TotalsFixture {
  levels: string[];
  regions: string[];
  tiers: string[];
  cases: Record<string, unknown>[];
  /** Per role: levels × regions × tiers × cases, in that order. */
  totals: Record<string, (number | null)[]>;
  /** Lines naming an agreement: [role, agreement, region, level, case index, total]. */
  chosen: unknown[][];
}

/** Every request of the fixture with the total it records. */
export function* fixtureLines(fixture: TotalsFixture): Generator<[QuoteRequest, number | null]> {
  const { levels, regions, tiers, cases, totals, chosen } = fixture;
  for (const [role, expected] of Object.entries(totals)) {
    let i = 0;
    for (const healthContribution of levels)
      for (const region of regions)
        for (const tier of tiers)
          for (const c of cases) {
            const req = { role, region, tier, quantity: 2, healthContribution, ...c };
            yield [req, expected[i++] ?? null];
          }
  }
  for (const [role, agreement, region, healthContribution, caseIndex, total] of chosen as [
    string,
    string,
    string,
    string,
    number,
    number,
  ][]) {
    const req = { role, agreement, region, quantity: 2, healthContribution, ...cases[caseIndex]! };
    yield [req, total];
  }
}

/** The card's quote for `req`, or null where the card refuses the line (as the fixtures record it). */
export function quoteOrNull(engine: RateEngine, req: QuoteRequest): Quote | null {
  try {
    return engine.quoteFast(req);
  } catch (err) {
    if (isRateError(err)) return null;
    throw err;
  }
}

/**
 * Every request of the fixture the engine prices otherwise than the fixture records (as JSON, to
 * read in a failure), and how many requests it holds: a card that keeps a version's numbers
 * leaves the first empty.
 */
export function linesPricedOtherwise(
  engine: RateEngine,
  fixture: TotalsFixture,
): { lines: number; wrong: string[] } {
  const wrong: string[] = [];
  let lines = 0;
  for (const [req, expected] of fixtureLines(fixture)) {
    lines++;
    if ((quoteOrNull(engine, req)?.totalCents ?? null) !== expected)
      wrong.push(JSON.stringify(req));
  }
  return { lines, wrong };
}
