import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";

export interface SuccessMessageBarProps {
  title: string;
  children: ReactNode;
  onDismiss: () => void;
  /** What a change did that the producer should know about ("warning", "info"); default success. */
  intent?: "success" | "warning" | "info";
  /** Buttons beside the message ("Undo …"). */
  actions?: ReactNode;
}

/** What a write or a change just did, announced politely, with a dismiss button. */
export function SuccessMessageBar({
  title,
  children,
  onDismiss,
  intent = "success",
  actions,
}: SuccessMessageBarProps) {
  return (
    <MessageBar intent={intent} layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
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
      >
        {actions}
      </MessageBarActions>
    </MessageBar>
  );
}
