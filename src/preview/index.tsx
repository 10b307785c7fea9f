/*
 * The preview host: the real task pane beside a HyperFormula workbook with the CREW functions,
 * for trying CrewRate without Excel. It loads no office.js: the pane only needs a workbook port.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { engine } from "../data";
import { PreviewWorkbook } from "./previewWorkbook";
import { PreviewLayout } from "./PreviewLayout";

const workbook = new PreviewWorkbook(engine);
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme} style={{ height: "100vh" }}>
    <PreviewLayout engine={engine} workbook={workbook} />
  </FluentProvider>,
);
