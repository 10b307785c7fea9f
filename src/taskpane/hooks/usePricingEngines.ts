import { useMemo } from "react";
import { tablesCellProblem } from "../../budget/tablesCell";
import type { ProductionTables, RateEngine } from "../../engine";

/** An engine, or why the workbook's settings or tables give none. */
export type EngineResult = { ok: true; engine: RateEngine } | { ok: false; error: unknown };

export interface PricingEngines {
  /** The card version the workbook is pinned to (CardVersion), or why there is none. */
  versioned: EngineResult;
  /** That version with the workbook's production tables: what the formulas price with. */
  pricing: EngineResult;
  /** What search and the role card browse: the workbook's roles when its tables read well. */
  browsing: RateEngine;
  /** Every card version with the tables, for the card-update review. */
  withTables: RateEngine;
}

/** The engines the pane prices with, rebuilt only when the pinned version or the tables change. */
export function usePricingEngines(
  engine: RateEngine,
  cardVersion: string | undefined,
  tables: ProductionTables,
): PricingEngines {
  const versioned = useMemo((): EngineResult => {
    try {
      return { ok: true, engine: engine.forVersion(cardVersion) };
    } catch (error) {
      // Shown in the live quote in place of a number.
      return { ok: false, error };
    }
  }, [engine, cardVersion]);
  const pricing = useMemo((): EngineResult => {
    if (!versioned.ok) return versioned;
    // Tables too long for the sheet's one cell price nothing there: nor here.
    const tooLong = tablesCellProblem(tables);
    if (tooLong) return { ok: false, error: tooLong };
    try {
      return { ok: true, engine: versioned.engine.withProduction(tables) };
    } catch (error) {
      // A bad table line: shown above the search and in the live quote.
      return { ok: false, error };
    }
  }, [versioned, tables]);
  const withTables = useMemo(() => {
    try {
      return engine.withProduction(tables);
    } catch {
      // The card update compares card versions; a bad table line is reported above it.
      return engine;
    }
  }, [engine, tables]);
  const browsing = pricing.ok ? pricing.engine : versioned.ok ? versioned.engine : engine;
  return { versioned, pricing, browsing, withTables };
}
