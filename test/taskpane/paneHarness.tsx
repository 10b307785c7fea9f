/**
 * What every pane test needs in jsdom: a ResizeObserver stand-in (Fluent's MessageBar uses one to
 * reflow its actions), cleanup between tests, and the App rendered over a port.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
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
  // The pane renders its reads asynchronously, and role queries over its DOM are slow; on a loaded
  // 2-core CI machine a wait has taken longer than the library's 1 s default.
  configure({ asyncUtilTimeout: 10_000 });
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

/**
 * Searches (replacing what the search box held), opens the first match with Enter once it is
 * `title`, and returns the live quote's region.
 */
export async function openRole(
  user: ReturnType<typeof userEvent.setup>,
  query: string,
  title: string,
): Promise<HTMLElement> {
  const searchBox = () => screen.getByRole("combobox", { name: "Find a crew role" });
  await user.clear(searchBox());
  await user.type(searchBox(), query);
  const listbox = await screen.findByRole("listbox", { name: "Matching roles" });
  await waitFor(() => {
    expect(within(listbox).getAllByRole("option")[0]?.textContent).toContain(title);
  });
  await user.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { level: 2, name: title })).toBeTruthy();
  return screen.findByRole("region", { name: "Live quote" });
}
