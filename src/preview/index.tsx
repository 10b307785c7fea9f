/*
 * The preview host: the real task pane beside a HyperFormula workbook with the CREW functions,
 * for trying CrewRate without Excel. office.js is served locally here; outside Office it reports
 * no host, and the preview's workbook port is used.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { engine } from "../data";
import { PreviewWorkbook } from "../office/previewWorkbook";
import { PreviewLayout } from "./PreviewLayout";

function start(): void {
  const workbook = new PreviewWorkbook(engine);
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100vh" }}>
      <PreviewLayout engine={engine} workbook={workbook} />
    </FluentProvider>,
  );
}

// office.js is optional here: the preview works the same whether or not it loaded.
if (typeof Office === "undefined") start();
else
  void Office.onReady(() => {
    start();
  });
