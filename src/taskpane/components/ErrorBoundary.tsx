import { Button, tokens } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { ErrorMessageBar } from "./ErrorMessageBar";

interface ErrorBoundaryState {
  /** What the last render threw, boxed so that `undefined` thrown still counts. */
  failure: { error: unknown } | undefined;
}

/**
 * Never a blank pane: a render failure anywhere below shows its message and a way back, instead of
 * React unmounting the whole task pane.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failure: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failure: { error } };
  }

  private readonly reset = (): void => {
    this.setState({ failure: undefined });
  };

  override render(): ReactNode {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return (
      <div style={{ padding: tokens.spacingHorizontalM }}>
        <ErrorMessageBar
          error={failure.error}
          actions={<Button onClick={this.reset}>Reload the pane</Button>}
        />
      </div>
    );
  }
}
