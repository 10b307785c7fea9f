import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { crewLineFor, type WorkbookPort } from "../../budget";
import type { Department, RateEngine } from "../../engine";
import { useCardChoices } from "../hooks/useCardChoices";
import { useInsert, rowsText } from "../hooks/useInsert";
import { useLiveQuote } from "../hooks/useLiveQuote";
import { useOpenRole } from "../hooks/useOpenRole";
import { usePricingEngines } from "../hooks/usePricingEngines";
import { useTypicalCrew } from "../hooks/useTypicalCrew";
import { useUnionChange } from "../hooks/useUnionChange";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { useLastWrite } from "../hooks/useLastWrite";
import { shortDollars, useTierWatch } from "../hooks/useTierWatch";
import { AddRole } from "./AddRole";
import { CardUpdate } from "./CardUpdate";
import { CompareLocations } from "./CompareLocations";
import { ErrorMessageBar } from "./ErrorMessageBar";
import { ImportCrewList } from "./ImportCrewList";
import { InsertActions } from "./InsertActions";
import { QuoteForm } from "./QuoteForm";
import { RoleCard } from "./RoleCard";
import { RoleSearch } from "./RoleSearch";
import { SettingsSummary } from "./SettingsSummary";
import { ShareValues } from "./ShareValues";
import { TierWatchNotes } from "./TierWatchNotes";
import { UnionChangeBar } from "./UnionChangeBar";
import { WorkbookNotices } from "./WorkbookNotices";

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
});

export interface TaskPaneProps {
  engine: RateEngine;
  port: WorkbookPort;
}

/** The task pane: find a role, read it, price it live, and insert it (or its crew) as live lines. */
export function TaskPane({ engine, port }: TaskPaneProps) {
  const styles = useStyles();
  const workbook = useWorkbookState(port);
  const { settings, tables, lines, reload } = workbook;
  const [department, setDepartment] = useState("");

  // The formulas price with the card version the workbook is pinned to and its production
  // tables; so does the pane.
  const cardVersion = settings?.cardVersion.trim() || undefined;
  const { versioned, pricing, tableProblem, browsing, withTables } = usePricingEngines(
    engine,
    cardVersion,
    tables,
  );
  // One step of undo for every write the pane makes (Excel's own may not cover an add-in's).
  const lastWrite = useLastWrite(port, reload);
  const { busy, showProgress, outcome, clearOutcome, insert } = useInsert(
    port,
    workbook.ensureBudget,
    reload,
    lastWrite,
  );
  const { role, inputs, setInputs, openRole, openWhenAdded, headingRef } = useOpenRole(
    browsing,
    clearOutcome,
  );
  const { result, customaryAgreement } = useLiveQuote(pricing, role, inputs, settings, lines);
  const unionNote = useUnionChange(pricing.ok ? pricing.engine : undefined, settings, lines);

  const meta = engine.card.meta;
  const choices = useCardChoices(meta, settings);
  const { settingsRegion, settingsTier } = choices;
  const tierWatch = useTierWatch(engine, settings);

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
  // The classifications the line can be priced at where it is priced, for the picker.
  const classifications = useMemo(() => {
    if (!role || !settings || !pricing.ok) return [];
    try {
      return pricing.engine.classificationsFor(role, {
        region: inputs.region ?? settings.region,
        tier: inputs.tier ?? settings.tier,
        date: settings.budgetDate,
      });
    } catch {
      // A region, tier or date the card does not know: the live quote says which and how to fix it.
      return [];
    }
  }, [pricing, role, inputs.region, inputs.tier, settings]);

  const crew = useTypicalCrew(engine, role ? role.department : department);

  function insertLine(): void {
    if (!role || !settings || !result?.ok) return;
    const line = crewLineFor(engine, role, {
      quantity: inputs.mode === "number" ? result.quote.quantity : inputs.mode,
      unit: result.quote.unit,
      person: inputs.person,
      agreement: inputs.agreement === "" ? undefined : inputs.agreement,
      // A line follows the Region and Budget tier settings unless the producer chose otherwise.
      region: inputs.region === settingsRegion ? undefined : inputs.region,
      tier: inputs.tier === settingsTier ? undefined : inputs.tier,
    });
    const title = role.title;
    void insert(
      "line",
      [line],
      (r) => `Added ${title} to the budget (${rowsText(r)})`,
      `adding ${title}`,
    );
  }

  function insertDepartment(): void {
    if (!crew?.ok) return;
    const name = crew.department.name;
    void insert(
      "department",
      crew.lines,
      (r) => `Added ${r.rowsAdded} ${name} lines to the budget (${rowsText(r)})`,
      `adding the ${crew.lines.length} ${name} lines`,
    );
  }

  const departmentAction = crew?.ok
    ? {
        name: crew.department.name,
        roles: [...new Set(crew.lines.map((l) => l.role))],
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
          onDismissOutcome={clearOutcome}
          lastWrite={lastWrite}
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
          loading={workbook.loading}
          cardVersion={meta.version}
          onRefresh={() => void reload()}
          budgetNote={
            tierWatch.totalBudget !== undefined && tierWatch.budgetTier
              ? `budget ${shortDollars(tierWatch.totalBudget)}: ${tierWatch.budgetTier.name}`
              : undefined
          }
        />
        <TierWatchNotes watch={tierWatch} />
      </header>

      {settings ? (
        <CardUpdate
          engine={withTables}
          settings={settings}
          port={port}
          onChanged={() => void reload()}
        />
      ) : null}

      {unionNote.note ? (
        <UnionChangeBar note={unionNote.note} onDismiss={unionNote.dismiss} />
      ) : null}

      <WorkbookNotices
        tablesError={workbook.tablesError}
        pricingError={versioned.ok ? (pricing.ok ? tableProblem : pricing.error) : undefined}
        settingsError={workbook.settingsError}
        linesError={workbook.linesError}
        port={port}
        onReload={(setUpFirst) => void reload(setUpFirst)}
      />

      <RoleSearch
        engine={browsing}
        department={department}
        onDepartmentChange={(id) => {
          setDepartment(id);
          clearOutcome();
        }}
        onOpen={openRole}
      />

      {versioned.ok ? (
        <AddRole
          engine={versioned.engine}
          tables={tables}
          port={port}
          ensureBudget={workbook.ensureBudget}
          lastWrite={lastWrite}
          onAdded={(title) => {
            openWhenAdded(title);
            void reload();
          }}
        />
      ) : null}

      {versioned.ok ? (
        <ImportCrewList
          engine={versioned.engine}
          settings={settings}
          tables={tables}
          port={port}
          ensureBudget={workbook.ensureBudget}
          reload={reload}
          lastWrite={lastWrite}
        />
      ) : null}

      {role && roleDepartment ? (
        <RoleCard
          role={role}
          department={roleDepartment}
          rates={rates}
          budgetDate={settings?.budgetDate ?? meta.defaultDate}
          tierName={inputs.tier ?? (settings ? settingsTier : undefined)}
          estimateAgreement={choices.estimateAgreement}
          currentAgreement={result?.ok ? result.quote.agreement.name : undefined}
          headingRef={headingRef}
        >
          {settings && result ? (
            <QuoteForm
              inputs={inputs}
              onChange={setInputs}
              settings={settings}
              agreements={choices.agreementNames}
              regions={choices.regionNames}
              tiers={choices.tierNames}
              settingsRegion={settingsRegion}
              settingsTier={settingsTier}
              customaryAgreement={customaryAgreement}
              result={result}
              classifications={classifications}
            />
          ) : null}
          {actions}
        </RoleCard>
      ) : (
        actions
      )}

      <CompareLocations port={port} regionNames={choices.regionNames} lastWrite={lastWrite} />

      <ShareValues port={port} lastWrite={lastWrite} />
    </div>
  );
}
