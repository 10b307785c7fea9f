/*
 * The task pane's composition root inside Office: builds the Excel workbook port and hands it to
 * the app. Outside Office (a browser with no host) the preview page is the place to try CrewRate;
 * this page then says so instead of failing.
 */
import {
  FluentProvider,
  webLightTheme,
  webDarkTheme,
  type Theme,
} from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { engine } from "../data";
import { officeStartupHost } from "../office/documentStartup";
import { ExcelWorkbook } from "../office/excelWorkbook";
import { App } from "./App";
import { NotInOffice } from "./components/NotInOffice";

/** Follows Office's theme: a dark body background means a dark theme. */
function officeTheme(): Theme {
  const bg = Office.context.officeTheme?.bodyBackgroundColor;
  if (!bg) return webLightTheme;
  const n = Number.parseInt(bg.replace("#", ""), 16);
  const luminance = ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114;
  return luminance < 128 ? webDarkTheme : webLightTheme;
}

void Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!);
  if (info.host === Office.HostType.Excel) {
    const port = new ExcelWorkbook({
      departments: engine.departments.map((d) => ({ name: d.name, account: d.account })),
      // Prices the Compare sheet's report; the sheet's formulas price in Excel itself.
      engine,
      // The budget then loads CrewRate and opens this pane for collaborators who have it.
      startup: officeStartupHost(),
      onStartupProblem: (problems) => {
        console.warn(
          `CrewRate could not set the workbook to open with the add-in: ${problems.join("; ")}`,
        );
      },
    });
    root.render(
      <FluentProvider theme={officeTheme()} style={{ minHeight: "100vh" }}>
        <App engine={engine} port={port} />
      </FluentProvider>,
    );
  } else {
    root.render(
      <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
        <NotInOffice />
      </FluentProvider>,
    );
  }
});
