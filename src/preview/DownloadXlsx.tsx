import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { PreviewWorkbook } from "./previewWorkbook";
import { WorkbookError } from "../budget";
import { ErrorMessageBar } from "../taskpane/components/ErrorMessageBar";
import { CREWRATE_ADDIN, workbookForXlsx } from "./exportWorkbook";
import { unstorableCells, writeXlsx } from "./xlsx";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FILE_NAME = "CrewRate budget.xlsx";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
});

/** Hands the bytes to the browser as a download, through a temporary link. */
function saveFile(bytes: Uint8Array, name: string): void {
  // A copy on a plain ArrayBuffer: Blob takes it whatever buffer the bytes sit on.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: XLSX_TYPE }));
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Some browsers read the URL after the click returns: let it go a moment later.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 1_000);
  }
}

/** "Download .xlsx": the preview workbook as an Excel file, formulas, values and the add-in. */
export function DownloadXlsx({ workbook }: { workbook: PreviewWorkbook }) {
  const styles = useStyles();
  const [error, setError] = useState<WorkbookError | undefined>(undefined);
  /** Cells whose text lost characters no .xlsx can hold. */
  const [dropped, setDropped] = useState<string[]>([]);

  const download = () => {
    setError(undefined);
    setDropped([]);
    try {
      const file = workbookForXlsx(workbook.hf, CREWRATE_ADDIN);
      saveFile(writeXlsx(file), FILE_NAME);
      setDropped(unstorableCells(file));
    } catch (e) {
      // Never throw out of a click handler: say what happened instead.
      setError(
        new WorkbookError(
          `Could not make the .xlsx: ${e instanceof Error ? e.message : String(e)}`,
          { cause: e },
        ),
      );
    }
  };

  return (
    <div className={styles.root}>
      <Button icon={<ArrowDownloadRegular />} onClick={download}>
        Download .xlsx
      </Button>
      {dropped.length === 0 ? null : (
        <ErrorMessageBar
          intent="warning"
          error={
            new WorkbookError(
              `Saved, but ${dropped.length === 1 ? "one cell holds" : `${dropped.length} cells hold`} a character an .xlsx file cannot store (half of an emoji or other paired character), left out of the file: ${dropped.slice(0, 5).join(", ")}${dropped.length > 5 ? ", …" : ""}.`,
            )
          }
          onDismiss={() => {
            setDropped([]);
          }}
        />
      )}
      {error === undefined ? null : (
        <ErrorMessageBar
          error={error}
          onDismiss={() => {
            setError(undefined);
          }}
        />
      )}
    </div>
  );
}
