import { useCallback, useRef, useState } from "react";
import { WorkbookError, type WorkbookPort } from "../../budget";
import type { WriteUndo } from "../../budget/port";

/** The pane's latest write that can be undone, and how its undo went. */
export interface OfferedUndo {
  id: number;
  /** What the write did, for the button and the answer ("adding Gaffer"). */
  what: string;
  undo: WriteUndo;
  status: "ready" | "undoing" | "undone" | "failed";
  /** Why the undo failed, when it did (its message says what is left). */
  error?: unknown;
}

export interface LastWrite {
  /** The latest write the pane can undo, if any: only it can be (one step). */
  current: OfferedUndo | undefined;
  /**
   * Offers the undo of a write that just succeeded, in place of any earlier offer.
   * @returns the offer's id; undefined when the write carries no undo or the host has none
   */
  offer: (what: string, undo: WriteUndo | undefined) => number | undefined;
  /** Undoes the offered write, if it is still the latest, then re-reads the workbook. */
  undo: (id: number) => Promise<void>;
}

/**
 * Undo from the pane: every write that succeeds offers its undo here, replacing the one before,
 * since Excel's own Undo may not cover an add-in's writes. Undoing asks the port to take back
 * exactly what that write made (it refuses where someone has changed it since).
 */
export function useLastWrite(port: WorkbookPort, reload: () => Promise<void>): LastWrite {
  const [current, setCurrent] = useState<OfferedUndo | undefined>(undefined);
  const latest = useRef<OfferedUndo | undefined>(undefined);
  const nextId = useRef(0);
  const running = useRef(false);

  const set = useCallback((offer: OfferedUndo | undefined) => {
    latest.current = offer;
    setCurrent(offer);
  }, []);

  const offer = useCallback(
    (what: string, undo: WriteUndo | undefined) => {
      if (!undo || !port.undoWrite) {
        set(undefined);
        return undefined;
      }
      const id = ++nextId.current;
      set({ id, what, undo, status: "ready" });
      return id;
    },
    [port, set],
  );

  const undo = useCallback(
    async (id: number) => {
      const offered = latest.current;
      if (running.current || !offered || offered.id !== id || !port.undoWrite) return;
      if (offered.status === "undone") return;
      running.current = true;
      set({ ...offered, status: "undoing" });
      try {
        await port.undoWrite(offered.undo);
        if (latest.current?.id === id) set({ ...offered, status: "undone" });
        void reload();
      } catch (error) {
        if (latest.current?.id === id) set({ ...offered, status: "failed", error });
        // Part of it may be undone after all: the pane reads what the sheets say now.
        if (!(error instanceof WorkbookError) || error.changed !== "no") void reload();
      } finally {
        running.current = false;
      }
    },
    [port, reload, set],
  );

  return { current, offer, undo };
}
