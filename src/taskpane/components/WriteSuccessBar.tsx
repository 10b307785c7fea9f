import { Button, Spinner } from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { LastWrite } from "../hooks/useLastWrite";
import { UNDO_MESSAGES } from "../messages";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { SuccessMessageBar } from "./SuccessMessageBar";

export interface WriteSuccessBarProps {
  title: string;
  children?: ReactNode;
  onDismiss: () => void;
  /** The write's undo offer (LastWrite.offer), when it has one. */
  undoId: number | undefined;
  /** The pane's undo slot; without it, no undo is offered. */
  lastWrite: LastWrite | undefined;
}

/**
 * What a pane write just did, with "Undo …" while it is the pane's latest write; once undone, the
 * bar says so instead, and a failed undo is said below it with a way to try again.
 */
export function WriteSuccessBar({
  title,
  children,
  onDismiss,
  undoId,
  lastWrite,
}: WriteSuccessBarProps) {
  const offered =
    lastWrite && undoId !== undefined && lastWrite.current?.id === undoId
      ? lastWrite.current
      : undefined;
  if (offered?.status === "undone") {
    const done = UNDO_MESSAGES.done(offered.what);
    return (
      <SuccessMessageBar title={done.title} onDismiss={onDismiss} intent="info">
        {done.body}
      </SuccessMessageBar>
    );
  }
  const undoing = offered?.status === "undoing";
  const undoButton = offered ? (
    <Button
      disabled={undoing}
      icon={undoing ? <Spinner size="tiny" aria-hidden /> : <ArrowUndoRegular />}
      onClick={() => void lastWrite?.undo(offered.id)}
    >
      Undo {offered.what}
    </Button>
  ) : undefined;
  return (
    <>
      <SuccessMessageBar title={title} onDismiss={onDismiss} actions={undoButton}>
        {children}
      </SuccessMessageBar>
      {offered?.status === "failed" ? (
        <ErrorMessageBar
          error={offered.error}
          actions={
            <Button onClick={() => void lastWrite?.undo(offered.id)}>Try the undo again</Button>
          }
        />
      ) : null}
    </>
  );
}
