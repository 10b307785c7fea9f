import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { PreviewWorkbook } from "../office/previewWorkbook";
import { WorkbookError } from "../office/workbookPort";
import { ErrorMessageBar } from "../taskpane/components/ErrorMessageBar";
import { CREWRATE_ADDIN, workbookForXlsx } from "./exportWorkbook";
import { writeXlsx } from "./xlsx";

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

  const download = () => {
    setError(undefined);
    try {
      saveFile(writeXlsx(workbookForXlsx(workbook.hf, CREWRATE_ADDIN)), FILE_NAME);
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
