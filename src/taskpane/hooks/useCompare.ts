import { useCallback, useRef, useState } from "react";
import {
  COMPARE_MAX_REGIONS,
  COMPARE_MIN_REGIONS,
  DEFAULT_COMPARE_REGIONS,
  type CompareSheetResult,
  type Hiring,
  type WorkbookPort,
} from "../../budget";
import type { LastWrite } from "./useLastWrite";

export type CompareOutcome =
  | { kind: "success"; result: CompareSheetResult; undoId: number | undefined }
  | { kind: "error"; error: unknown };

export interface CompareState {
  /** The regions picked, in the card's order. */
  regions: readonly string[];
  toggleRegion: (region: string, picked: boolean) => void;
  hiring: Hiring;
  setHiring: (hiring: Hiring) => void;
  /** Why Compare cannot run with these choices; undefined when it can. */
  blockedReason: string | undefined;
  busy: boolean;
  outcome: CompareOutcome | undefined;
  dismiss: () => void;
  compare: () => Promise<void>;
}

/**
 * "Compare locations": which regions (2 to 5; the card's Los Angeles, Georgia, New York and New
 * Mexico to start), who is hired where, and writing the Compare sheet through the port.
 * @param regionNames the card's regions, in its order: the picks keep that order
 */
export function useCompare(
  port: WorkbookPort,
  regionNames: readonly string[],
  lastWrite?: LastWrite,
): CompareState {
  const [picked, setPicked] = useState<ReadonlySet<string>>(
    () => new Set(DEFAULT_COMPARE_REGIONS.filter((r) => regionNames.includes(r))),
  );
  const [hiring, setHiring] = useState<Hiring>("keep-home");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CompareOutcome | undefined>(undefined);
  const running = useRef(false);

  const regions = regionNames.filter((r) => picked.has(r));
  const blockedReason =
    regions.length < COMPARE_MIN_REGIONS
      ? `Pick at least ${COMPARE_MIN_REGIONS} regions.`
      : regions.length > COMPARE_MAX_REGIONS
        ? `Pick at most ${COMPARE_MAX_REGIONS} regions.`
        : undefined;

  const toggleRegion = useCallback((region: string, on: boolean) => {
    setPicked((s) => {
      const next = new Set(s);
      if (on) next.add(region);
      else next.delete(region);
      return next;
    });
  }, []);

  const regionsKey = regions.join("\n");
  const compare = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setOutcome(undefined);
    try {
      const { undo, ...result } = await port.writeCompareSheet(regionsKey.split("\n"), hiring);
      const undoId = lastWrite?.offer(`the ${result.sheet} sheet`, undo);
      setOutcome({ kind: "success", result, undoId });
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [port, regionsKey, hiring, lastWrite]);

  return {
    regions,
    toggleRegion,
    hiring,
    setHiring,
    blockedReason,
    busy,
    outcome,
    dismiss: () => {
      setOutcome(undefined);
    },
    compare,
  };
}
