/**
 * What the long-lived runtime keeps: the heap after a million distinct-ish requests through one
 * engine, and after distinct CREW formulas evaluated by HyperFormula over one engine (the
 * preview's and the CLI's path). Each run is on a fresh engine, the heap measured after a full
 * garbage collection before it is made and after the run with the engine alive: what it grew by is
 * what the engine's caches hold (HyperFormula's workbooks are destroyed before the measure). Needs
 * `node --expose-gc` (run.mjs passes it); without it the figures are only indicative.
 */
import { rateCard } from "../src/data";
import { RateEngine, type QuoteRequest } from "../src/engine";
import { buildCrewWorkbook } from "../src/functions/hyperformula";

declare const gc: (() => void) | undefined;

/** Heap in use after a full collection, in MB. */
function heapMb(): number {
  if (typeof gc === "function") {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const mb = (x: number) => Number(x.toFixed(1));

export const HEAP_REQUESTS = 1_000_000;
/** One request in this many asks for a plan not asked for before. */
const NEW_PLAN_EVERY = 5;
/** One request in this many names a title no card has (each one different). */
const UNKNOWN_TITLE_EVERY = 1_000;

/**
 * The i-th request of the run: every fifth a plan not seen before (the next card title, at a day
 * length not asked for yet, by the day or the week), the others that plan again with another
 * quantity, and one in a thousand a title that is on no card.
 */
function request(i: number, titles: readonly string[]): QuoteRequest {
  if (i % UNKNOWN_TITLE_EVERY === UNKNOWN_TITLE_EVERY - 1) {
    return { role: `Unlisted Title ${i}`, quantity: 1 };
  }
  const k = Math.floor(i / NEW_PLAN_EVERY);
  return {
    role: titles[k % titles.length]!,
    quantity: 1 + (i % NEW_PLAN_EVERY),
    unit: k % 2 === 0 ? "day" : "week",
    hoursPerDay: 8 + Math.floor(k / titles.length) / 1000,
  };
}

export interface HeapFigures {
  /** Requests (or formulas) run. */
  requests: number;
  /** Heap in use before the engine is made, MB. */
  heapBeforeMb: number;
  /** Heap in use after the run with the engine alive, MB. */
  heapAfterMb: number;
  /** What the run left on the heap (the engine and its caches), MB. */
  grewMb: number;
  seconds: number;
}

/** Runs `work` on a fresh engine, measuring the heap before it and after, with the engine alive. */
function measure(requests: number, work: (engine: RateEngine) => void): HeapFigures {
  const before = heapMb();
  const t0 = performance.now();
  const engine = new RateEngine(rateCard);
  work(engine);
  const seconds = (performance.now() - t0) / 1000;
  const after = heapMb();
  // Read the engine after the measure, so it is alive during it.
  if (engine.roles.length === 0) throw new Error("heap bench: an engine without roles");
  return {
    requests,
    heapBeforeMb: mb(before),
    heapAfterMb: mb(after),
    grewMb: mb(after - before),
    seconds: Number(seconds.toFixed(1)),
  };
}

/** A million distinct-ish requests straight through the engine (see `request`). */
export function engineHeap(): HeapFigures & { failures: number } {
  let failures = 0;
  let sink = 0;
  const figures = measure(HEAP_REQUESTS, (engine) => {
    const titles = engine.roles.map((r) => r.title);
    for (let i = 0; i < HEAP_REQUESTS; i++) {
      try {
        sink += engine.quoteFast(request(i, titles)).totalCents;
      } catch {
        // An unknown title or a unit with no rate: the engine caches the failure like a plan.
        failures++;
      }
    }
  });
  if (!(sink > 0)) throw new Error("heap bench priced nothing");
  return { ...figures, failures };
}

export const HF_FORMULAS = 100_000;
const HF_BATCH = 10_000;

/**
 * Distinct `CREW.RATE` formulas through HyperFormula over one engine, in workbooks of 10,000
 * built and destroyed in turn (as the preview rebuilds its workbook), so what stays is the
 * engine's.
 */
export function hyperFormulaHeap(): HeapFigures {
  return measure(HF_FORMULAS, (engine) => {
    const titles = engine.roles.map((r) => r.title.replace(/"/g, '""'));
    for (let start = 0; start < HF_FORMULAS; start += HF_BATCH) {
      const rows = Array.from({ length: HF_BATCH }, (_, j) => {
        const k = start + j;
        const hours = 8 + Math.floor(k / titles.length) / 1000;
        return [`=CREW.RATE("${titles[k % titles.length]!}",2,"day",,,,,${hours})`];
      });
      const hf = buildCrewWorkbook(engine, { Sheet1: rows });
      if (typeof hf.getCellValue({ sheet: 0, row: 0, col: 0 }) !== "number") {
        throw new Error("heap bench: a CREW.RATE formula did not price");
      }
      hf.destroy();
    }
  });
}
