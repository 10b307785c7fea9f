import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import type { CSSProperties } from "react";
import type { RateEngine } from "../engine";
import type { PreviewWorkbook } from "./previewWorkbook";
import { App } from "../taskpane/App";
import { DownloadXlsx } from "./DownloadXlsx";
import { WorkbookView } from "./WorkbookView";

/** Below this window width the pane and the sheet cannot sit side by side: the pane comes first. */
const NARROW = "@media (max-width: 719px)";

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateRows: "auto 1fr",
    height: "100vh",
    [NARROW]: { height: "auto", minHeight: "100vh" },
  },
  body: {
    display: "grid",
    minHeight: 0,
    gridTemplateColumns: "minmax(0, 1fr) var(--crewrate-pane-width)",
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", gridTemplateRows: "auto 70vh" },
  },
  sheet: {
    minWidth: 0,
    minHeight: 0,
    overflow: "hidden",
    display: "flex",
    flexDirection: "column",
  },
  toolbar: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  pane: {
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW]: {
      order: -1,
      borderLeft: "none",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

/** Office sizes a task pane from about 320 to 450 px; `?pane=320` shows the pane at that width. */
const PANE_WIDTH = { default: 400, min: 280, max: 640 };

function paneWidth(search: string): number {
  const asked = Number(new URLSearchParams(search).get("pane"));
  return Number.isFinite(asked) && asked >= PANE_WIDTH.min && asked <= PANE_WIDTH.max
    ? asked
    : PANE_WIDTH.default;
}

/**
 * The preview page: a banner, the workbook on the left, the real task pane on the right; in a
 * window too narrow for both, the pane across the window and the workbook under it.
 */
export function PreviewLayout(props: { engine: RateEngine; workbook: PreviewWorkbook }) {
  const styles = useStyles();
  const width = { "--crewrate-pane-width": `${paneWidth(window.location.search)}px` };
  return (
    <div className={styles.page}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>CrewRate preview</MessageBarTitle>
          This is a preview: the real task pane and CREW functions over a workbook computed in your
          browser, not Excel. To use CrewRate in Excel, sideload manifest.xml (npm run
          start:desktop, npm run start:web, or Home → Add-ins → More Settings → Upload My Add-in).
        </MessageBarBody>
      </MessageBar>
      <div className={styles.body} style={width as CSSProperties}>
        <main className={styles.sheet} aria-label="Workbook">
          <div className={styles.toolbar}>
            <DownloadXlsx workbook={props.workbook} />
          </div>
          <WorkbookView workbook={props.workbook} />
        </main>
        <aside className={styles.pane} aria-label="CrewRate task pane">
          <App engine={props.engine} port={props.workbook} />
        </aside>
      </div>
    </div>
  );
}
