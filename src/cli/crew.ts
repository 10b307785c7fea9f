/**
 * `crew`: the rate engine from a terminal, for scripts and checks.
 *   crew quote ROLE [--qty N] [--unit U] [--agreement A] [--region R] [--tier T] [--date D]
 *                   [--hours H] [--days N] [--wages-to-date W] [--health LEVEL] [--json]
 *   crew describe ROLE [--json]
 *   crew roles [--department D] [--search S] [--json]
 *   crew eval 'FORMULA'
 *   crew match TITLE [--json]          the role a crew-list title resolves to, and why
 *   crew import FILE.csv [--json]      a crew list's rows with the role each matched and its quote
 *   crew compare FILE.csv [--regions LA,GA,NY] [--region R] [--tier T] [--date D] [--health LEVEL] [--json]
 *                                      the crew list priced in each region, with totals
 * Errors: exit status 2, one line on stderr; with --json, {"error":{...}} on stdout.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { parseCrewList } from "../budget";
import {
  centsToDollars,
  describeAmount,
  dollarsToCents,
  formatUsd,
  isRateError,
  readAmount,
  type ExplainedQuote,
  type MatchStep,
  type RateEngine,
  type TitleMatch,
} from "../engine";
import { compareCommand, DEFAULT_COMPARE_REGIONS } from "./compare";
import { evaluateFormula } from "./evaluate";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Reads a file named on the command line (for `crew import`); absent, the command refuses. */
  readFile?: (path: string) => string;
}

class UsageError extends Error {}

const USAGE = `Usage:
  crew quote ROLE [--qty N] [--unit hour|day|week|flat] [--agreement A] [--region R] [--tier T]
                  [--date YYYY-MM-DD] [--hours H] [--days 5|6|7] [--wages-to-date DOLLARS]
                  [--health independent|contributor] [--json]
  crew describe ROLE [--json]
  crew roles [--department D] [--search TEXT] [--json]
  crew eval 'FORMULA'          e.g. crew eval '=CREW.RATE("Gaffer", 6)'
  crew match TITLE [--json]    e.g. crew match "Set PA #3"
  crew import FILE.csv [--json]   columns Title, Name, Qty, Unit, Rate (headings optional)
  crew compare FILE.csv [--regions LA,GA,NY,NM] [--region R] [--tier T] [--date YYYY-MM-DD]
                  [--health independent|contributor] [--json]
                               the list priced in each region; --region is the budget's own
  --health is the MPI health contribution level of IATSE Basic Agreement lines: independent (the
  default, a producer that is not a $15M contributor) or contributor, as the Settings sheet's.`;

/** The options: --json and --help are switches, every other one takes a value. */
const OPTIONS = {
  qty: { type: "string" },
  unit: { type: "string" },
  agreement: { type: "string" },
  region: { type: "string" },
  tier: { type: "string" },
  date: { type: "string" },
  hours: { type: "string" },
  days: { type: "string" },
  "wages-to-date": { type: "string" },
  department: { type: "string" },
  search: { type: "string" },
  regions: { type: "string" },
  health: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

type OptionName = keyof typeof OPTIONS;

const isOption = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

interface Parsed {
  command: string | undefined;
  positional: string[];
  flags: Map<OptionName, string>;
  json: boolean;
}

function parseArgv(argv: readonly string[]): Parsed {
  // Not strict, so that a value may start with "-" (`--wages-to-date -100` reaches the engine's
  // own check) and the usage errors below keep the CLI's wording.
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const flags = new Map<OptionName, string>();
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    if (!isOption(t.name)) throw new UsageError(`Unknown option ${t.rawName}.`);
    const takesValue = OPTIONS[t.name].type === "string";
    if (takesValue && t.value === undefined) throw new UsageError(`${t.rawName} needs a value.`);
    if (!takesValue && t.value !== undefined)
      throw new UsageError(`${t.rawName} does not take a value.`);
    if (t.value !== undefined) flags.set(t.name, t.value);
  }
  const command = values.help === true ? "help" : positionals.shift();
  return { command, positional: positionals, flags, json: values.json === true };
}

function numberFlag(flags: Map<OptionName, string>, name: OptionName): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  // The rule the sheet and the pane read amounts by: plain decimals, no 0x10, 1e3 or signs.
  const read = readAmount(v, { kind: "count" });
  if (!read.ok) throw new UsageError(`--${name}: ${describeAmount("the value", read)}`);
  return read.value;
}

function roleArg(p: Parsed): string {
  const role = p.positional.join(" ").trim();
  if (!role) throw new UsageError(`crew ${p.command ?? ""} needs a ROLE.`);
  return role;
}

export function quoteJson(q: ExplainedQuote): Record<string, unknown> {
  return {
    role: {
      id: q.role.id,
      title: q.role.title,
      department: q.department.name,
      account: q.role.account,
    },
    quantity: q.quantity,
    unit: q.unit,
    agreement: q.agreement.id,
    region: q.region.id,
    tier: q.tier.id,
    date: q.date,
    unitRate: centsToDollars(q.unitRateCents),
    subtotal: centsToDollars(q.subtotalCents),
    fringes: q.fringes.map((f) => ({
      id: f.id,
      label: f.label,
      amount: centsToDollars(f.amountCents),
    })),
    fringe: centsToDollars(q.fringeCents),
    total: centsToDollars(q.totalCents),
    sources: q.sources,
    explanation: q.explanation,
  };
}

function quote(engine: RateEngine, p: Parsed, io: CliIo): void {
  const q = engine.quote({
    role: roleArg(p),
    quantity: numberFlag(p.flags, "qty"),
    unit: p.flags.get("unit"),
    agreement: p.flags.get("agreement"),
    region: p.flags.get("region"),
    tier: p.flags.get("tier"),
    date: p.flags.get("date"),
    hoursPerDay: numberFlag(p.flags, "hours"),
    daysPerWeek: numberFlag(p.flags, "days"),
    wagesToDate: numberFlag(p.flags, "wages-to-date"),
    healthContribution: p.flags.get("health"),
  });
  if (p.json) {
    io.out(JSON.stringify(quoteJson(q), null, 2));
    return;
  }
  const lines = [
    `${q.role.title} — ${q.department.name}, account ${q.role.account}`,
    `${q.quantity} ${q.unit}(s) · ${q.agreement.name} · ${q.region.name} · ${q.tier.name} · ${q.date}`,
    `Rate      ${formatUsd(q.unitRateCents).padStart(14)} per ${q.unit}${q.basis.kind === "estimate" ? " (estimate)" : ""}`,
    `Subtotal  ${formatUsd(q.subtotalCents).padStart(14)}`,
    ...q.fringes.map(
      (f) => `  ${f.label.padEnd(52).slice(0, 52)} ${formatUsd(f.amountCents).padStart(12)}`,
    ),
    `Fringe    ${formatUsd(q.fringeCents).padStart(14)}`,
    `Total     ${formatUsd(q.totalCents).padStart(14)}`,
    "",
    q.explanation,
  ];
  io.out(lines.join("\n"));
}

function describe(engine: RateEngine, p: Parsed, io: CliIo): void {
  const role = engine.findRole(roleArg(p));
  const rates = engine.listRates(role).map((r) => ({
    agreement: r.agreement,
    classification: r.classification,
    schedule: r.schedule,
    unit: r.unit,
    amount: centsToDollars(r.amountCents),
    region: r.region,
    tier: r.tier,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    kind: r.kind,
    source: r.source,
  }));
  const dept = engine.departmentOf(role);
  if (p.json) {
    io.out(
      JSON.stringify(
        {
          id: role.id,
          title: role.title,
          aliases: role.aliases,
          department: dept.name,
          account: role.account,
          description: role.description,
          responsibilities: role.responsibilities,
          skills: role.skills,
          rates,
        },
        null,
        2,
      ),
    );
    return;
  }
  const out = [
    `${role.title} (${role.id}) — ${dept.name}, account ${role.account}`,
    role.aliases.length ? `Also: ${role.aliases.join(", ")}` : "",
    "",
    role.description,
    "",
    "Responsibilities:",
    ...role.responsibilities.map((r) => `  - ${r}`),
    "Skills:",
    ...role.skills.map((s) => `  - ${s}`),
    "",
    `Rates (${rates.length}):`,
    ...rates.map(
      (r) =>
        `  ${r.agreement.padEnd(22)} ${r.region.padEnd(16)} ${r.tier.padEnd(10)} ${formatUsd(dollarsToCents(r.amount)).padStart(12)}/${r.unit.padEnd(4)} ${r.effectiveFrom}..${r.effectiveTo} ${r.kind.padEnd(9)} ${r.schedule}: ${r.source}`,
    ),
  ];
  io.out(out.filter((l, i) => l !== "" || out[i - 1] !== "").join("\n"));
}

function roles(engine: RateEngine, p: Parsed, io: CliIo): void {
  const dept = p.flags.get("department");
  const found = engine.search(
    p.flags.get("search") ?? "",
    dept === undefined ? {} : { department: dept },
  );
  if (p.json) {
    io.out(
      JSON.stringify(
        found.map((r) => ({
          id: r.id,
          title: r.title,
          department: engine.departmentOf(r).name,
          account: r.account,
        })),
        null,
        2,
      ),
    );
    return;
  }
  for (const r of found)
    io.out(`${r.account}  ${r.title.padEnd(40)} ${engine.departmentOf(r).name}`);
}

/** Each matching step in words, for `crew match` and `crew import`. */
const STEP_WORDS: Record<MatchStep, string> = {
  exact: "card title or alias as typed",
  numbering: "numbering taken off",
  note: "note taken off",
  unit: "unit or camera prefix taken off",
  qualifier: "hire word taken off",
  abbreviation: "shorthand spelled out or plural folded",
  typo: "one typo forgiven: check it",
};

function matchJson(m: TitleMatch): Record<string, unknown> {
  return {
    input: m.input,
    role: m.role ? { id: m.role.id, title: m.role.title } : null,
    matched: m.matched ?? null,
    steps: m.steps,
    why: m.steps.map((s) => STEP_WORDS[s]),
    qualifiers: m.qualifiers,
    suggestions: m.suggestions.map((r) => r.title),
  };
}

function why(m: TitleMatch): string {
  const steps = m.steps.map((s) => STEP_WORDS[s]).join(", ");
  const qualifiers = m.qualifiers.length ? `; kept: ${m.qualifiers.join(", ")}` : "";
  return `matched '${m.matched ?? ""}' (${steps}${qualifiers})`;
}

function suggestionText(m: TitleMatch): string {
  return m.suggestions.length
    ? `did you mean ${m.suggestions.map((r) => r.title).join(", ")}?`
    : "no plausible role";
}

function match(engine: RateEngine, p: Parsed, io: CliIo): number {
  const title = p.positional.join(" ").trim();
  if (!title) throw new UsageError("crew match needs a TITLE.");
  const m = engine.matchTitle(title);
  if (p.json) io.out(JSON.stringify(matchJson(m), null, 2));
  else if (m.role) io.out(`${title} → ${m.role.title} (${m.role.id})\n  ${why(m)}`);
  else io.out(`${title} → no role: ${suggestionText(m)}`);
  return m.role ? 0 : 2;
}

/** The text of the FILE a command names. */
function fileArg(p: Parsed, io: CliIo): string {
  const file = p.positional.join(" ").trim();
  if (!file) throw new UsageError(`crew ${p.command ?? ""} needs a FILE.`);
  if (!io.readFile) throw new UsageError(`crew ${p.command ?? ""} cannot read files here.`);
  try {
    return io.readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `crew compare`: status 0 when every row was compared, 1 when some were left out. */
function compare(engine: RateEngine, p: Parsed, io: CliIo): number {
  const text = fileArg(p, io);
  const listed = p.flags.get("regions");
  const regions =
    listed === undefined
      ? DEFAULT_COMPARE_REGIONS
      : listed
          .split(",")
          .map((r) => r.trim())
          .filter((r) => r !== "");
  if (regions.length === 0) throw new UsageError("--regions needs at least one region.");
  const date = p.flags.get("date");
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new UsageError(`--date must be written YYYY-MM-DD, not '${date}'.`);
  }
  return compareCommand(
    engine,
    {
      text,
      regions,
      region: p.flags.get("region"),
      tier: p.flags.get("tier"),
      date,
      health: p.flags.get("health"),
      json: p.json,
    },
    io,
  );
}

/** `crew import`: every row matched and quoted; status 0 when all match, 1 when some do not. */
function importList(engine: RateEngine, p: Parsed, io: CliIo): number {
  const text = fileArg(p, io);
  const results = parseCrewList(text).map((row) => {
    const m = engine.matchTitle(row.title);
    let quote: ExplainedQuote | undefined;
    let error: string | undefined = row.problem;
    // A typo is shown but not priced: the producer confirms it first.
    if (m.role && !error && !m.steps.includes("typo")) {
      try {
        quote = engine.quote({
          role: m.role.id,
          quantity: row.quantity,
          unit: row.unit === "" ? undefined : row.unit,
        });
      } catch (e) {
        if (!isRateError(e)) throw e;
        error = e.message;
      }
    }
    return { row, m, quote, error };
  });
  if (p.json) {
    io.out(
      JSON.stringify(
        results.map(({ row, m, quote, error }) => ({
          line: row.line,
          title: row.title,
          person: row.person,
          rate: row.rate ?? null,
          match: matchJson(m),
          quote: quote ? quoteJson(quote) : null,
          error: error ?? null,
        })),
        null,
        2,
      ),
    );
  } else {
    for (const { row, m, quote, error } of results) {
      const head = `${String(row.line).padStart(4)}  ${row.title}`;
      if (!m.role) io.out(`${head} → no role: ${suggestionText(m)}`);
      else {
        const priced = quote
          ? `${quote.quantity} ${quote.unit} × ${formatUsd(quote.unitRateCents)} = ${formatUsd(quote.subtotalCents)}, total ${formatUsd(quote.totalCents)}`
          : (error ?? "not priced until the typo is confirmed");
        const theirs = row.rate === undefined ? "" : ` (list rate $${row.rate})`;
        io.out(`${head} → ${m.role.title}: ${priced}${theirs}\n        ${why(m)}`);
      }
    }
    const matched = results.filter((r) => r.m.role).length;
    io.out(`${matched} of ${results.length} rows matched a role.`);
  }
  return results.every((r) => r.m.role && !r.error) ? 0 : 1;
}

/** Runs the CLI; returns the exit status. */
export function runCli(engine: RateEngine, argv: readonly string[], io: CliIo): number {
  let json = argv.includes("--json");
  try {
    const p = parseArgv(argv);
    json = p.json;
    switch (p.command) {
      case "quote":
        quote(engine, p, io);
        return 0;
      case "describe":
        describe(engine, p, io);
        return 0;
      case "roles":
        roles(engine, p, io);
        return 0;
      case "match":
        return match(engine, p, io);
      case "import":
        return importList(engine, p, io);
      case "compare":
        return compare(engine, p, io);
      case "eval": {
        const formula = p.positional.join(" ");
        if (!formula) throw new UsageError("crew eval needs a formula.");
        const result = evaluateFormula(engine, formula);
        io.out(result.text);
        return result.isError ? 2 : 0;
      }
      case undefined:
      case "help":
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(`Unknown command '${p.command}'.`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      if (json)
        io.out(JSON.stringify({ error: { code: "USAGE", message: e.message, suggestions: [] } }));
      else io.err(`crew: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (isRateError(e)) {
      if (json) {
        io.out(
          JSON.stringify({
            error: { code: e.code, message: e.message, suggestions: e.details.suggestions ?? [] },
          }),
        );
      } else io.err(`crew: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
