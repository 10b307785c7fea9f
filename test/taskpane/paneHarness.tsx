/**
 * What every pane test needs in jsdom: a ResizeObserver stand-in (Fluent's MessageBar uses one to
 * reflow its actions), cleanup between tests, and the App rendered over a port.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { engine as shippedEngine } from "../../src/data";
import type { RateEngine } from "../../src/engine";
import type { WorkbookPort } from "../../src/budget";
import { App } from "../../src/taskpane/App";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Registers the stubs and cleanup for the calling test file; call it at its top level. */
export function setUpPaneTests(): void {
  beforeAll(() => {
    if (!("ResizeObserver" in window)) vi.stubGlobal("ResizeObserver", NoResizeObserver);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}

/** The pane over `port` (and the shipped card unless another engine is given). */
export function renderApp<P extends WorkbookPort>(port: P, engine: RateEngine = shippedEngine) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App engine={engine} port={port} />
    </FluentProvider>,
  );
  return { user, port };
}
