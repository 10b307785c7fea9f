import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import {
  describeAmount,
  productionToken,
  PRODUCTION_ROLES_TABLE,
  readAmount,
  UNITS,
  type ProductionTables,
  type RateEngine,
  type Unit,
} from "../../engine";
import { productionRoleRow, type ProductionRoleInput } from "../../budget";
import { tablesCellProblem } from "../../budget/tablesCell";
import type { WorkbookPort } from "../../budget";
import type { LastWrite } from "../hooks/useLastWrite";
import { InputProblem } from "../messages";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { WriteSuccessBar } from "./WriteSuccessBar";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  pair: {
    display: "grid",
    // Side by side when the pane is wide enough, stacked in the narrowest pane.
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  // Inputs and native selects keep their intrinsic width unless told otherwise; the pane is narrow.
  control: { minWidth: 0, width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface AddRoleProps {
  /** The card engine at the workbook's version, without its tables: they are checked here. */
  engine: RateEngine;
  /** The workbook's tables as last read. */
  tables: ProductionTables;
  port: WorkbookPort;
  /** Called with the new role's title once it is in the workbook. */
  onAdded: (title: string) => void;
  /** Makes sure the budget sheets exist before writing. */
  ensureBudget: () => Promise<void>;
  /** The pane's undo slot, for the "Undo …" once the role is added. */
  lastWrite?: LastWrite;
}

const EMPTY = {
  title: "",
  department: "",
  account: "",
  description: "",
  unit: "day" as Unit,
  rate: "",
  agreement: "",
};

/**
 * The row the form would write, or why it cannot. The rate is read by the engine's one rule for
 * amounts, as the Production Roles sheet reads its Rate column, and a refusal is the sheet's own
 * sentence: the form refuses exactly what the sheet would, in the same words.
 */
function parseForm(form: typeof EMPTY): ProductionRoleInput | string {
  if (form.title.trim().length < 2) return "Give the role a title.";
  if (!form.department) return "Choose the role's department.";
  const rate = readAmount(form.rate, { kind: "dollars", per: form.unit });
  if (!rate.ok) return `${describeAmount("Rate", rate)}.`;
  return { ...form, rate: rate.value };
}

/**
 * "Add a role": the production's own role (a drone pilot, a local title) written to the workbook's
 * Production Roles sheet, checked against the card first; from then on it is searched, quoted and
 * inserted like a card role, and the CREW functions price it.
 */
export function AddRole({ engine, tables, port, onAdded, ensureBudget, lastWrite }: AddRoleProps) {
  const styles = useStyles();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(undefined);
  // The role just added: said under the button, with its undo.
  const [added, setAdded] = useState<
    { title: string; line: number; undoId: number | undefined } | undefined
  >(undefined);
  const running = useRef(false);
  /** A field's change handler: keeps the typed text and clears any earlier problem. */
  const onField =
    (field: keyof typeof EMPTY) =>
    (_: unknown, data: { value: string }): void => {
      setForm((f) => ({ ...f, [field]: data.value }));
      setProblem(undefined);
    };

  async function add(): Promise<void> {
    if (running.current) return;
    const parsed = parseForm(form);
    if (typeof parsed === "string") {
      setProblem(new InputProblem(parsed));
      return;
    }
    // Checked as the workbook will hold it, so a clash or a typo is refused before writing.
    const free = tables.roles.findIndex((row) => row.every((c) => c === null || c === ""));
    const at = free < 0 ? tables.roles.length : free;
    const roles = [...tables.roles];
    roles.splice(at, free < 0 ? 0 : 1, productionRoleRow(parsed));
    // The sheet's own limit, counted with the serializer its CREW.TABLES cell uses.
    const tooLong = tablesCellProblem({ overrides: tables.overrides, roles });
    if (tooLong) {
      setProblem(tooLong);
      return;
    }
    try {
      // A problem with the new role is the form's. One elsewhere in the tables is the sheet's
      // (its Status column says so) and, as on the sheet, stops only the lines it prices.
      const problems = engine.withProductionToken(
        productionToken({ overrides: tables.overrides, roles }),
      ).tableProblems;
      const own = problems.find(
        (error) => error.details.table === PRODUCTION_ROLES_TABLE && error.details.line === at + 1,
      );
      if (own) {
        setProblem(new InputProblem(own.message.replace(/^[^:]+: /, "")));
        return;
      }
    } catch (error) {
      setProblem(error);
      return;
    }
    running.current = true;
    setBusy(true);
    try {
      await ensureBudget();
      const written = await port.addProductionRole(parsed);
      const title = parsed.title.trim();
      const undoId = lastWrite?.offer(`adding the role ${title}`, written.undo);
      setAdded({ title, line: written.line, undoId });
      setForm(EMPTY);
      setOpen(false);
      onAdded(title);
    } catch (error) {
      setProblem(error);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className={styles.root}>
        <div className={styles.buttons}>
          <Button
            icon={<AddRegular />}
            onClick={() => {
              setAdded(undefined);
              setOpen(true);
            }}
          >
            Add a role
          </Button>
        </div>
        {added ? (
          <WriteSuccessBar
            title={`Added the role ${added.title} (${PRODUCTION_ROLES_TABLE} line ${added.line})`}
            onDismiss={() => {
              setAdded(undefined);
            }}
            undoId={added.undoId}
            lastWrite={lastWrite}
          >
            Search, quote and insert it like a card role; it travels with the workbook.
          </WriteSuccessBar>
        ) : null}
      </div>
    );
  }

  const department = engine.departments.find((d) => d.name === form.department);
  return (
    <form
      id={formId}
      className={styles.form}
      aria-label="Add a role"
      // Our own messages say what to fix, the same in every host.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <Caption1 className={styles.meta}>
        A role the card lacks, priced at your rate. It goes on the {PRODUCTION_ROLES_TABLE} sheet,
        travels with the workbook, and is marked as this production&apos;s own.
      </Caption1>
      <Field label="Title" required>
        <Input className={styles.control} value={form.title} onChange={onField("title")} />
      </Field>
      <div className={styles.pair}>
        <Field label="Department" required>
          <Select
            className={styles.control}
            value={form.department}
            onChange={onField("department")}
          >
            <option value="">Choose…</option>
            {engine.departments.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Account">
          <Input
            className={styles.control}
            value={form.account}
            placeholder={department?.account ?? "e.g. 3300"}
            onChange={onField("account")}
          />
        </Field>
      </div>
      <Field label="Description">
        <Textarea value={form.description} resize="vertical" onChange={onField("description")} />
      </Field>
      <div className={styles.pair}>
        <Field label="Rate ($)" required>
          <Input
            className={styles.control}
            value={form.rate}
            inputMode="decimal"
            onChange={onField("rate")}
          />
        </Field>
        <Field label="Per">
          <Select className={styles.control} value={form.unit} onChange={onField("unit")}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Agreement">
        <Select className={styles.control} value={form.agreement} onChange={onField("agreement")}>
          <option value="">Non-union</option>
          {engine.card.meta.agreements
            .filter((a) => a.id !== "non-union")
            .map((a) => (
              <option key={a.id} value={a.name}>
                {a.name}
              </option>
            ))}
        </Select>
      </Field>
      {problem === undefined ? null : <ErrorMessageBar error={problem} intent="warning" />}
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          type="submit"
          disabled={busy}
          icon={busy ? <Spinner size="tiny" aria-hidden /> : undefined}
        >
          Add role
        </Button>
        <Button
          onClick={() => {
            setOpen(false);
            setProblem(undefined);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
