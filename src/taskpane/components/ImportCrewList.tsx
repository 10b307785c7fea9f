import {
  Button,
  Caption1,
  Field,
  makeStyles,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import {
  IMPORT_NOTE,
  type BudgetSettings,
  type PlannedRow,
  type RowChoice,
  type TitleMatcher,
  type WorkbookPort,
} from "../../budget";
import { UNITS, type ProductionTables, type RateEngine, type Unit } from "../../engine";
import { useCrewListImport } from "../hooks/useCrewListImport";
import { rowsText } from "../hooks/useInsert";
import type { LastWrite } from "../hooks/useLastWrite";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { ImportPlanRow } from "./ImportPlanRow";
import { WriteSuccessBar } from "./WriteSuccessBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ImportCrewListProps {
  /** The card engine at the workbook's version, without its tables (the import adds to them). */
  engine: RateEngine;
  settings: BudgetSettings | undefined;
  tables: ProductionTables;
  port: WorkbookPort;
  ensureBudget: () => Promise<void>;
  reload: () => Promise<void>;
  match?: TitleMatcher;
  /** The pane's undo slot, for the success bar's "Undo …". */
  lastWrite?: LastWrite;
}

const PLACEHOLDER =
  "Title\tName\tQty\tUnit\tRate\nGaffer\tSam Lee\t8\tweek\t4500\nSet PA #3\t\t30\tday\t250";

function unitOf(typed: string): Unit | undefined {
  const key = typed.trim().toLowerCase().replace(/s$/, "");
  return UNITS.find((u) => u === key);
}

/** "Import a crew list": paste rows, see what each becomes, settle the rest, insert in one write. */
export function ImportCrewList(props: ImportCrewListProps) {
  const styles = useStyles();
  const textId = useId();
  const [open, setOpen] = useState(false);
  const { engine, settings } = props;
  const imp = useCrewListImport(
    engine,
    settings,
    props.tables,
    props.port,
    props.ensureBudget,
    props.reload,
    props.match,
    props.lastWrite,
  );
  const firstDepartment = engine.departments[0]?.id ?? "";

  function settle(row: PlannedRow, value: string): void {
    const line = row.row.line;
    if (value === "" || value === "skip") {
      imp.choose(line, value === "skip" ? { kind: "skip" } : undefined);
      return;
    }
    if (value.startsWith("role:")) {
      imp.choose(line, { kind: "role", roleId: value.slice("role:".length) });
      return;
    }
    const choice: RowChoice = {
      kind: "own-role",
      role: {
        title: row.row.title,
        department: firstDepartment,
        account: "",
        description: IMPORT_NOTE,
        unit: unitOf(row.row.unit) ?? "week",
        rate: row.row.rate ?? 0,
        agreement: "",
      },
    };
    imp.choose(line, choice);
  }

  if (!open) {
    return (
      <Button
        onClick={() => {
          setOpen(true);
        }}
      >
        Import a crew list
      </Button>
    );
  }

  const plan = imp.plan;
  const counts = plan?.rows.reduce(
    (c, r) => ({ ...c, [r.kind]: (c[r.kind] ?? 0) + 1 }),
    {} as Partial<Record<PlannedRow["kind"], number>>,
  );
  return (
    <section className={styles.root} aria-label="Import a crew list">
      <Field
        label="Paste rows from a crew list, deal memos or a budget"
        hint="Copied cells or CSV. A first row of headings (Title, Name, Qty, Unit, Rate) says which column is which."
      >
        <Textarea
          id={textId}
          value={imp.text}
          placeholder={PLACEHOLDER}
          resize="vertical"
          rows={5}
          onChange={(_, d) => {
            imp.setText(d.value);
          }}
        />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={imp.text.trim() === ""} onClick={imp.read}>
          Read the list
        </Button>
        {imp.readSelection ? (
          <Button disabled={imp.reading} onClick={() => void imp.readSelection?.()}>
            Use the selected cells
          </Button>
        ) : null}
        {imp.reading ? <Spinner size="tiny" label="Reading the selection…" /> : null}
        <Button
          onClick={() => {
            setOpen(false);
          }}
        >
          Close
        </Button>
      </div>

      {imp.selectionNote ? <Caption1 aria-live="polite">{imp.selectionNote}.</Caption1> : null}

      {plan && counts ? (
        <>
          <Caption1 aria-live="polite">
            {plan.lines.length} line{plan.lines.length === 1 ? "" : "s"} ready
            {plan.overrides.length > 0
              ? `, ${plan.overrides.length} negotiated rate${plan.overrides.length === 1 ? "" : "s"} for Rate Overrides`
              : ""}
            {counts.unmatched ? `, ${counts.unmatched} to match` : ""}
            {counts.bad ? `, ${counts.bad} to fix` : ""}
            {counts.skipped ? `, ${counts.skipped} left out` : ""}.
          </Caption1>
          <ol className={styles.list}>
            {plan.rows.map((row) => (
              <ImportPlanRow key={row.row.line} row={row} onSettle={settle} />
            ))}
          </ol>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              disabled={!plan.ready || imp.busy}
              onClick={() => void imp.insert()}
            >
              Insert {plan.lines.length} line{plan.lines.length === 1 ? "" : "s"}
            </Button>
            {imp.busy ? <Spinner size="tiny" label="Inserting…" /> : null}
          </div>
        </>
      ) : null}

      {imp.outcome?.kind === "success" ? (
        <WriteSuccessBar
          title={`Imported ${imp.outcome.lines} crew line${imp.outcome.lines === 1 ? "" : "s"} (${rowsText(imp.outcome.result)})`}
          onDismiss={imp.clearOutcome}
          undoId={imp.outcome.undoId}
          lastWrite={props.lastWrite}
        >
          {imp.outcome.result.overrideLines?.length
            ? `Negotiated rates went to Rate Overrides line${imp.outcome.result.overrideLines.length === 1 ? "" : "s"} ${imp.outcome.result.overrideLines.join(", ")}. `
            : ""}
          {imp.outcome.result.roleLines?.length
            ? `New roles went to Production Roles line${imp.outcome.result.roleLines.length === 1 ? "" : "s"} ${imp.outcome.result.roleLines.join(", ")}.`
            : ""}
        </WriteSuccessBar>
      ) : imp.outcome?.kind === "error" ? (
        <ErrorMessageBar error={imp.outcome.error} onDismiss={imp.clearOutcome} />
      ) : null}
    </section>
  );
}
