import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { messageFor } from "../messages";

export interface ErrorMessageBarProps {
  /** Whatever was caught; its words come from messages.ts. */
  error: unknown;
  /** Shows a dismiss button when given. */
  onDismiss?: () => void;
  /** Buttons that fix or retry ("Try again"). */
  actions?: ReactNode;
  /** "warning" for problems that do not stop the pane (a quote that cannot be priced). */
  intent?: "error" | "warning";
}

/** An error, in a producer's words, with what to do next. Announced to screen readers. */
export function ErrorMessageBar({
  error,
  onDismiss,
  actions,
  intent = "error",
}: ErrorMessageBarProps) {
  const { title, body } = messageFor(error);
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      {actions || onDismiss ? (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button
                appearance="transparent"
                aria-label="Dismiss message"
                icon={<DismissRegular />}
                onClick={onDismiss}
              />
            ) : undefined
          }
        >
          {actions}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
