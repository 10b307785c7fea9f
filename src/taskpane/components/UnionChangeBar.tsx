import { formatUsd } from "../../engine";
import type { UnionChangeNote } from "../hooks/useUnionChange";
import { SuccessMessageBar } from "./SuccessMessageBar";

function lines(n: number): string {
  return `${n} line${n === 1 ? "" : "s"}`;
}

/** "Changing Region to Georgia moved 6 lines from union scales to non-union estimates…" */
export function UnionChangeBar({
  note,
  onDismiss,
}: {
  note: UnionChangeNote;
  onDismiss: () => void;
}) {
  const { toEstimate, toUnion, fringeBeforeCents, fringeAfterCents } = note.change;
  const examples = toEstimate
    .slice(0, 3)
    .map((l) => (l.reason ? `${l.role} (${l.reason})` : l.role))
    .join("; ");
  return (
    <SuccessMessageBar
      intent={toEstimate.length > 0 ? "warning" : "info"}
      title={`Changing ${note.what}`}
      onDismiss={onDismiss}
    >
      {toEstimate.length > 0
        ? `moved ${lines(toEstimate.length)} from union scales to non-union estimates: ${examples}${toEstimate.length > 3 ? "; …" : ""}. `
        : ""}
      {toUnion.length > 0 ? `Moved ${lines(toUnion.length)} onto union scales. ` : ""}
      Their fringes went from {formatUsd(fringeBeforeCents)} to {formatUsd(fringeAfterCents)}. To
      keep a line on its home agreement, set its Agreement or Region cell.
    </SuccessMessageBar>
  );
}
