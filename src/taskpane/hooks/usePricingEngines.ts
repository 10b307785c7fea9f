import { useMemo } from "react";
import { tablesCellProblem } from "../../budget/tablesCell";
import { productionToken, type ProductionTables, type RateEngine } from "../../engine";

/** An engine, or why the workbook's settings or tables give none. */
export type EngineResult = { ok: true; engine: RateEngine } | { ok: false; error: unknown };

export interface PricingEngines {
  /** The card version the workbook is pinned to (CardVersion), or why there is none. */
  versioned: EngineResult;
  /** That version with the workbook's production tables: what the formulas price with. */
  pricing: EngineResult;
  /**
   * The first production-table line that does not check out. As on the sheet, it stops only the
   * lines it would price (their quotes carry it); every other role keeps its price.
   */
  tableProblem: unknown;
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
      // As the sheet reads its tables cell: a bad line stops only the quotes it would price.
      return { ok: true, engine: versioned.engine.withProductionToken(productionToken(tables)) };
    } catch (error) {
      return { ok: false, error };
    }
  }, [versioned, tables]);
  // Shown above the search; the role it prices shows it in its live quote too.
  const tableProblem = pricing.ok ? pricing.engine.tableProblems[0] : undefined;
  const withTables = useMemo(() => {
    try {
      return engine.withProduction(tables);
    } catch {
      // The card update compares card versions; a bad table line is reported above it.
      return engine;
    }
  }, [engine, tables]);
  const browsing = pricing.ok ? pricing.engine : versioned.ok ? versioned.engine : engine;
  return { versioned, pricing, tableProblem, browsing, withTables };
}
