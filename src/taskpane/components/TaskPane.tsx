import { Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  normalizeName,
  RateError,
  type Department,
  type ProductionTables,
  type QuoteRequest,
  type RateEngine,
  type Role,
} from "../../engine";
import type {
  AppendResult,
  BudgetLine,
  BudgetSettings,
  CrewLineInput,
  WorkbookPort,
} from "../../office/workbookPort";
import { lineDescription, typicalCrewLines } from "../typicalCrews";
import { AddRole } from "./AddRole";
import { CardUpdate } from "./CardUpdate";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { InsertActions, type InsertKind, type InsertOutcome } from "./InsertActions";
import { phaseWeeks, QuoteForm, type QuoteInputs, type QuoteResult } from "./QuoteForm";
import { RoleCard } from "./RoleCard";
import { RoleSearch } from "./RoleSearch";
import { SettingsSummary } from "./SettingsSummary";
import { ShareValues } from "./ShareValues";

/** Edits in the workbook are re-read this long after the last one. */
const REREAD_DELAY_MS = 250;

/** Inserts quicker than this show no progress bar, so fast workbooks do not flicker. */
const PROGRESS_DELAY_MS = 300;

type SettingsState =
  | { status: "loading"; previous: BudgetSettings | undefined }
  | { status: "ready"; settings: BudgetSettings }
  | { status: "failed"; error: unknown };

const NO_TABLES: ProductionTables = { overrides: [], roles: [] };

/** An engine, or why the workbook's settings or tables give none. */
type EngineResult = { ok: true; engine: RateEngine } | { ok: false; error: unknown };

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The form's starting values for a role: its own unit, following the shoot when weekly. */
function inputsFor(role: Role | undefined, previous?: QuoteInputs): QuoteInputs {
  return {
    mode: role?.unit === "week" ? "shoot" : "number",
    quantityText: "1",
    unit: role?.unit ?? "week",
    agreement: "",
    // Region and tier are choices about the production, not the role: they carry over.
    region: previous?.region,
    tier: previous?.tier,
    person: "",
  };
}

/** The card's name for a setting typed in the workbook ("LA" → "Los Angeles"), else as typed. */
function canonicalName(
  items: readonly { id: string; name: string; aliases: readonly string[] }[],
  typed: string,
): string {
  const key = normalizeName(typed);
  const found = items.find((item) =>
    [item.id, item.name, ...item.aliases].some((spelling) => normalizeName(spelling) === key),
  );
  return found?.name ?? typed;
}

/** The number typed in the form. @throws RateError BAD_QUANTITY when it is not a number */
function typedQuantity(text: string): number {
  const quantity = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(quantity)) throw new RateError("BAD_QUANTITY", { input: text });
  return quantity;
}

/**
 * The request the inserted line's formulas make: the same role, quantity, unit, agreement, region,
 * tier, budget date and hours per day, so the pane's number is the sheet's number.
 */
function requestFor(
  role: Role,
  inputs: QuoteInputs,
  settings: BudgetSettings,
  lines: readonly BudgetLine[] = [],
): QuoteRequest {
  return {
    wagesToDate: wagesBudgeted(lines, inputs.person),
    role: role.title,
    quantity:
      inputs.mode === "number"
        ? typedQuantity(inputs.quantityText)
        : phaseWeeks(settings, inputs.mode),
    unit: inputs.mode === "number" ? inputs.unit : "week",
    agreement: inputs.agreement === "" ? undefined : inputs.agreement,
    region: inputs.region ?? settings.region,
    tier: inputs.tier ?? settings.tier,
    date: settings.budgetDate,
    hoursPerDay: settings.hoursPerDay,
  };
}

/**
 * Wages already budgeted for a person: the Subtotals of their lines in the sheet, as the new line's
 * Fringe formula sums them (SUMIF matches the name ignoring case), so yearly caps agree.
 */
function wagesBudgeted(lines: readonly BudgetLine[], person: string): number | undefined {
  const name = person.trim().toLowerCase();
  if (!name) return undefined;
  let cents = 0;
  for (const line of lines) {
    if (line.person.toLowerCase() === name) cents += Math.round((line.subtotal ?? 0) * 100);
  }
  return cents / 100;
}

function rowsText(result: AppendResult): string {
  return result.rowsAdded === 1
    ? `row ${result.firstRow}`
    : `rows ${result.firstRow}–${result.firstRow + result.rowsAdded - 1}`;
}

const LIVE_NOTE =
  "Qty, Agreement and the Settings sheet stay live: edit them in the sheet and the totals follow.";

export interface TaskPaneProps {
  engine: RateEngine;
  port: WorkbookPort;
}

/** The task pane: find a role, read it, price it live, and insert it (or its crew) as live lines. */
export function TaskPane({ engine, port }: TaskPaneProps) {
  const styles = useStyles();
  const [settingsState, setSettingsState] = useState<SettingsState>({
    status: "loading",
    previous: undefined,
  });
  const [department, setDepartment] = useState("");
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [inputs, setInputs] = useState<QuoteInputs>(() => inputsFor(undefined));
  const [busy, setBusy] = useState<InsertKind | undefined>(undefined);
  const [showProgress, setShowProgress] = useState(false);
  const [outcome, setOutcome] = useState<InsertOutcome | undefined>(undefined);
  // The workbook's Rate Overrides and Production Roles, read with the settings.
  const [tables, setTables] = useState<ProductionTables>(NO_TABLES);
  const [tablesError, setTablesError] = useState<unknown>(undefined);
  // The budget's lines as last read: a named person's wages so far count toward yearly caps.
  const [lines, setLines] = useState<readonly BudgetLine[]>([]);
  /** A role just added: opened once the tables holding it have been read. */
  const [pendingRole, setPendingRole] = useState<string | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isWriting = useRef(false);
  const hasBudget = useRef(false);

  const settings =
    settingsState.status === "ready"
      ? settingsState.settings
      : settingsState.status === "loading"
        ? settingsState.previous
        : undefined;

  const loadSettings = useCallback(
    async (setUpFirst: boolean) => {
      setSettingsState((s) => ({
        status: "loading",
        previous: s.status === "ready" ? s.settings : undefined,
      }));
      try {
        if (setUpFirst) {
          await port.ensureBudget();
          hasBudget.current = true;
        }
        setSettingsState({ status: "ready", settings: await port.readSettings() });
      } catch (error) {
        setSettingsState({ status: "failed", error });
      }
      try {
        setTables(await port.readProductionTables());
        setTablesError(undefined);
      } catch (error) {
        setTablesError(error);
      }
      try {
        setLines(await port.readCrewLines());
      } catch {
        // Without the lines, a named person's yearly caps start from zero in the pane.
        setLines([]);
      }
    },
    [port],
  );

  useEffect(() => {
    void loadSettings(false);
  }, [loadSettings]);

  // Where the host reports edits, re-read the settings and tables once typing pauses, so the pane
  // prices with what the sheet now holds (in Excel, the refresh button does this).
  useEffect(() => {
    if (!port.subscribe) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = port.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void loadSettings(false), REREAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [port, loadSettings]);

  // Move to the card when a role is opened, so a keyboard or screen-reader user lands on it.
  useEffect(() => {
    if (role) headingRef.current?.focus();
  }, [role]);

  const meta = engine.card.meta;
  const agreementNames = useMemo(() => meta.agreements.map((a) => a.name), [meta]);
  const regionNames = useMemo(() => meta.regions.map((r) => r.name), [meta]);
  const tierNames = useMemo(() => meta.tiers.map((t) => t.name), [meta]);
  const estimateAgreement = meta.agreements.find((a) => a.id === "non-union")?.name;
  const settingsRegion = settings ? canonicalName(meta.regions, settings.region) : "";
  const settingsTier = settings ? canonicalName(meta.tiers, settings.tier) : "";

  // The formulas price with the card version the workbook is pinned to (CardVersion) and its
  // production tables; so does the pane.
  const cardVersion = settings?.cardVersion.trim() || undefined;
  const versioned = useMemo((): EngineResult => {
    try {
      return { ok: true, engine: engine.forVersion(cardVersion) };
    } catch (error) {
      // Shown in the live quote in place of a number.
      return { ok: false, error };
    }
  }, [engine, cardVersion]);
  const pricing = useMemo((): EngineResult => {
    if (!versioned.ok) return versioned;
    try {
      return { ok: true, engine: versioned.engine.withProduction(tables) };
    } catch (error) {
      // A bad table line: shown above the search and in the live quote.
      return { ok: false, error };
    }
  }, [versioned, tables]);
  /** What search and the role card browse: the workbook's roles when its tables read well. */
  const browsing = pricing.ok ? pricing.engine : versioned.ok ? versioned.engine : engine;
  const withTables = useMemo(() => {
    try {
      return engine.withProduction(tables);
    } catch {
      // The card update compares card versions; a bad table line is reported above it.
      return engine;
    }
  }, [engine, tables]);

  // Open a role just added once the engine holding it exists.
  useEffect(() => {
    if (pendingRole === undefined) return;
    const added = browsing.roles.find((r) => r.production && r.title === pendingRole);
    if (!added) return;
    setPendingRole(undefined);
    setRole(added);
    setInputs((previous) => inputsFor(added, previous));
    setOutcome(undefined);
  }, [browsing, pendingRole]);

  // Keep the open role in step with the tables (a production role's rate may have been edited).
  useEffect(() => {
    if (!role) return;
    const current = browsing.roles.find((r) => r.id === role.id);
    if (current && current !== role) setRole(current);
  }, [browsing, role]);

  const result = useMemo((): QuoteResult | undefined => {
    if (!role || !settings) return undefined;
    if (!pricing.ok) return pricing;
    try {
      return {
        ok: true,
        quote: pricing.engine.quote(requestFor(role, inputs, settings, lines)),
      };
    } catch (error) {
      // Shown in the live quote in place of a number.
      return { ok: false, error };
    }
  }, [pricing, role, inputs, settings, lines]);

  const customaryAgreement = useMemo(() => {
    if (!role || !settings || !pricing.ok) return undefined;
    if (inputs.agreement === "" && result?.ok) return result.quote.agreement.name;
    try {
      const request = { ...requestFor(role, inputs, settings), agreement: undefined };
      return pricing.engine.quote(request).agreement.name;
    } catch {
      // Only the option's label depends on this; the live quote reports any error itself.
      return undefined;
    }
  }, [pricing, role, inputs, settings, result]);

  const rates = useMemo(() => {
    if (!role) return [];
    try {
      return browsing.listRates(role);
    } catch {
      // A role from tables that no longer read: the card shows no rates until they are fixed.
      return [];
    }
  }, [browsing, role]);
  const roleDepartment: Department | undefined = role ? engine.departmentOf(role) : undefined;
  const crewDepartmentId = role ? role.department : department;

  const crew = useMemo(():
    | { ok: true; department: Department; lines: CrewLineInput[] }
    | { ok: false; error: unknown }
    | undefined => {
    if (!crewDepartmentId) return undefined;
    try {
      return {
        ok: true,
        department: engine.findDepartment(crewDepartmentId),
        lines: typicalCrewLines(engine, crewDepartmentId),
      };
    } catch (error) {
      // Shown in place of the department button.
      return { ok: false, error };
    }
  }, [engine, crewDepartmentId]);

  /** Writes lines in one batch; on failure offers to retry exactly the same lines. */
  const insert = useCallback(
    async (
      kind: InsertKind,
      lines: readonly CrewLineInput[],
      describe: (result: AppendResult) => string,
    ): Promise<void> => {
      if (isWriting.current) return;
      isWriting.current = true;
      setBusy(kind);
      setOutcome(undefined);
      setShowProgress(false);
      const timer = setTimeout(() => {
        setShowProgress(true);
      }, PROGRESS_DELAY_MS);
      try {
        if (!hasBudget.current) {
          await port.ensureBudget();
          hasBudget.current = true;
        }
        const appended = await port.appendCrewLines(lines);
        setOutcome({ kind: "success", title: describe(appended), text: LIVE_NOTE });
        // The budget now exists for certain; re-read its settings (they may have been edited).
        void loadSettings(false);
      } catch (error) {
        setOutcome({
          kind: "error",
          error,
          retry: () => void insert(kind, lines, describe),
        });
      } finally {
        clearTimeout(timer);
        isWriting.current = false;
        setBusy(undefined);
        setShowProgress(false);
      }
    },
    [port, loadSettings],
  );

  function insertLine(): void {
    if (!role || !roleDepartment || !settings || !result?.ok) return;
    const quantity = inputs.mode === "number" ? result.quote.quantity : inputs.mode;
    const person = inputs.person.trim();
    const region = inputs.region === settingsRegion ? undefined : inputs.region;
    const tier = inputs.tier === settingsTier ? undefined : inputs.tier;
    const line: CrewLineInput = {
      account: role.account,
      department: roleDepartment.name,
      role: role.title,
      person: person === "" ? undefined : person,
      description: lineDescription(role.title, quantity),
      agreement: inputs.agreement === "" ? undefined : inputs.agreement,
      quantity,
      unit: result.quote.unit,
      region,
      tier,
    };
    const title = role.title;
    void insert("line", [line], (r) => `Added ${title} to the budget (${rowsText(r)})`);
  }

  function insertDepartment(): void {
    if (!crew?.ok) return;
    const name = crew.department.name;
    void insert(
      "department",
      crew.lines,
      (r) => `Added ${r.rowsAdded} ${name} lines to the budget (${rowsText(r)})`,
    );
  }

  function openRole(next: Role): void {
    setRole(next);
    setInputs((previous) => inputsFor(next, previous));
    setOutcome(undefined);
  }

  const crewRoles = crew?.ok ? [...new Set(crew.lines.map((l) => l.role))] : [];
  const departmentAction = crew?.ok
    ? {
        name: crew.department.name,
        roles: crewRoles,
        lineCount: crew.lines.length,
        onInsert: insertDepartment,
      }
    : undefined;
  const lineAction = role
    ? {
        roleTitle: role.title,
        blockedReason: !settings
          ? "Waiting for the budget settings."
          : result && !result.ok
            ? "This line has no price with these choices: change them to insert it."
            : undefined,
        onInsert: insertLine,
      }
    : undefined;

  const actions = (
    <>
      {crew && !crew.ok ? <ErrorMessageBar error={crew.error} intent="warning" /> : null}
      {lineAction || departmentAction ? (
        <InsertActions
          {...(lineAction ? { line: lineAction } : {})}
          {...(departmentAction ? { department: departmentAction } : {})}
          busy={busy}
          showProgress={showProgress}
          outcome={outcome}
          onDismissOutcome={() => {
            setOutcome(undefined);
          }}
        />
      ) : null}
    </>
  );

  return (
    <div className={styles.pane}>
      <header className={styles.header}>
        <Subtitle1 as="h1" className={styles.title}>
          CrewRate
        </Subtitle1>
        <SettingsSummary
          settings={settings}
          loading={settingsState.status === "loading"}
          cardVersion={meta.version}
          onRefresh={() => void loadSettings(false)}
        />
      </header>

      {settings ? (
        <CardUpdate
          engine={withTables}
          settings={settings}
          port={port}
          onChanged={() => void loadSettings(false)}
        />
      ) : null}

      {tablesError !== undefined ? (
        <ErrorMessageBar error={tablesError} intent="warning" />
      ) : versioned.ok && !pricing.ok ? (
        <ErrorMessageBar
          error={pricing.error}
          intent="warning"
          actions={<Button onClick={() => void loadSettings(false)}>Read it again</Button>}
        />
      ) : null}

      {settingsState.status === "failed" ? (
        <ErrorMessageBar
          error={settingsState.error}
          actions={
            <div className={styles.actions}>
              <Button onClick={() => void loadSettings(false)}>Try again</Button>
              <Button onClick={() => void loadSettings(true)}>Create the budget sheets</Button>
            </div>
          }
        />
      ) : null}

      <RoleSearch
        engine={browsing}
        department={department}
        onDepartmentChange={(id) => {
          setDepartment(id);
          setOutcome(undefined);
        }}
        onOpen={openRole}
      />

      {versioned.ok ? (
        <AddRole
          engine={versioned.engine}
          tables={tables}
          port={port}
          ensureBudget={async () => {
            if (!hasBudget.current) {
              await port.ensureBudget();
              hasBudget.current = true;
            }
          }}
          onAdded={(title) => {
            setPendingRole(title);
            void loadSettings(false);
          }}
        />
      ) : null}

      {role && roleDepartment ? (
        <RoleCard
          role={role}
          department={roleDepartment}
          rates={rates}
          budgetDate={settings?.budgetDate ?? meta.defaultDate}
          tierName={inputs.tier ?? (settings ? settingsTier : undefined)}
          estimateAgreement={estimateAgreement}
          currentAgreement={result?.ok ? result.quote.agreement.name : undefined}
          headingRef={headingRef}
        >
          {settings && result ? (
            <QuoteForm
              inputs={inputs}
              onChange={setInputs}
              settings={settings}
              agreements={agreementNames}
              regions={regionNames}
              tiers={tierNames}
              settingsRegion={settingsRegion}
              settingsTier={settingsTier}
              customaryAgreement={customaryAgreement}
              result={result}
            />
          ) : null}
          {actions}
        </RoleCard>
      ) : (
        actions
      )}

      <ShareValues port={port} />
    </div>
  );
}
