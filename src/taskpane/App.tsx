/**
 * The task pane's root component. It receives its capabilities (the rate engine and the workbook
 * port) as props and never touches Office, Excel or the bundled data itself, so the same pane runs
 * in Excel, in the browser preview and in tests.
 */
import type { JSX } from "react";
import type { RateEngine } from "../engine";
import type { WorkbookPort } from "../budget";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { TaskPane } from "./components/TaskPane";

/** The pane inside an error boundary: whatever fails, the producer reads what and why. */
export function App(props: { engine: RateEngine; port: WorkbookPort }): JSX.Element {
  return (
    <ErrorBoundary>
      <TaskPane engine={props.engine} port={props.port} />
    </ErrorBoundary>
  );
}
