/**
 * What a settings change (region, tier, budget date) does to a budget's union lines: how many
 * lines move from a union scale to a non-union estimate (or back), and what happens to their
 * fringes. The pane shows it as a note when the producer changes a setting, so a switch from
 * Los Angeles to Georgia never silently drops union benefits.
 */
import type { RateEngine } from "./engine";
import { isRateError } from "./errors";
import type { Quote, QuoteRequest } from "./types";

/** The settings a change can move. */
export type SettingsChange = Partial<Pick<QuoteRequest, "region" | "tier" | "date">>;

/** One line whose agreement a change moves. */
export interface MovedLine {
  /** The line's position in the list given. */
  index: number;
  role: string;
  fromAgreement: string;
  toAgreement: string;
  fromFringeCents: number;
  toFringeCents: number;
  /** Why the line is non-union after the change (from the engine), when it is. */
  reason: string | undefined;
}

export interface UnionChange {
  /** Lines priced under a union agreement before and as a non-union estimate after. */
  toEstimate: MovedLine[];
  /** Lines priced non-union before and under a union agreement after. */
  toUnion: MovedLine[];
  /** Fringe total of the moved lines before and after, in cents. */
  fringeBeforeCents: number;
  fringeAfterCents: number;
  /** Lines the card cannot price before or after the change (left out of the counts). */
  refused: number[];
}

function tryQuote(engine: RateEngine, request: QuoteRequest): Quote | undefined {
  try {
    return engine.quoteFast(request);
  } catch (e) {
    if (isRateError(e)) return undefined;
    throw e;
  }
}

/**
 * Compares each line under its own settings and under the change. Only lines that leave their
 * agreement to the default can move; a line with an agreement of its own keeps it.
 * @param lines the budget's crew-line requests as they stand
 * @param change the settings the producer is about to apply to every line
 */
export function unionChange(
  engine: RateEngine,
  lines: readonly QuoteRequest[],
  change: SettingsChange,
): UnionChange {
  const out: UnionChange = {
    toEstimate: [],
    toUnion: [],
    fringeBeforeCents: 0,
    fringeAfterCents: 0,
    refused: [],
  };
  lines.forEach((line, index) => {
    const before = tryQuote(engine, line);
    const after = tryQuote(engine, { ...line, ...change });
    if (!before || !after) {
      out.refused.push(index);
      return;
    }
    const wasUnion = before.agreement.id !== "non-union";
    const isUnion = after.agreement.id !== "non-union";
    if (wasUnion === isUnion) return;
    const moved: MovedLine = {
      index,
      role: before.role.title,
      fromAgreement: before.agreement.name,
      toAgreement: after.agreement.name,
      fromFringeCents: before.fringeCents,
      toFringeCents: after.fringeCents,
      reason: after.basis.kind === "override" ? undefined : after.basis.nonUnionReason,
    };
    (wasUnion ? out.toEstimate : out.toUnion).push(moved);
    out.fringeBeforeCents += before.fringeCents;
    out.fringeAfterCents += after.fringeCents;
  });
  return out;
}
