import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { formatUsd } from "../../engine";
import type { UnionChangeNote } from "../hooks/useUnionChange";

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
    <MessageBar
      intent={toEstimate.length > 0 ? "warning" : "info"}
      layout="multiline"
      role="status"
    >
      <MessageBarBody>
        <MessageBarTitle>Changing {note.what}</MessageBarTitle>
        {toEstimate.length > 0
          ? `moved ${lines(toEstimate.length)} from union scales to non-union estimates: ${examples}${toEstimate.length > 3 ? "; …" : ""}. `
          : ""}
        {toUnion.length > 0 ? `Moved ${lines(toUnion.length)} onto union scales. ` : ""}
        Their fringes went from {formatUsd(fringeBeforeCents)} to {formatUsd(fringeAfterCents)}. To
        keep a line on its home agreement, set its Agreement or Region cell.
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss message"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
