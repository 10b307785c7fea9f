import { Button, Spinner } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { WorkbookPort } from "../../budget";
import { RepairableProblem, type BudgetRepair } from "../../budget/port";
import { repairLabel } from "../messages";

export interface RepairButtonProps {
  /** The problem shown beside the button; the button is there only when the pane can fix it. */
  error: unknown;
  port: WorkbookPort;
  onRepaired: (repair: BudgetRepair) => void;
  onFailed: (error: unknown) => void;
}

/**
 * The one action that puts right a problem the pane can fix (a renamed budget table, a deleted
 * Settings sheet), where the error says how and the host can do it; nothing otherwise.
 */
export function RepairButton({ error, port, onRepaired, onFailed }: RepairButtonProps) {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  if (!(error instanceof RepairableProblem) || !port.repair) return null;
  const { repair } = error;

  async function run(): Promise<void> {
    if (running.current || !port.repair) return;
    running.current = true;
    setBusy(true);
    try {
      await port.repair(repair);
      onRepaired(repair);
    } catch (failure) {
      onFailed(failure);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return (
    <Button
      appearance="primary"
      disabled={busy}
      icon={busy ? <Spinner size="tiny" aria-hidden /> : undefined}
      onClick={() => void run()}
    >
      {repairLabel(repair)}
    </Button>
  );
}
