/**
 * `crew`: the rate engine from a terminal, for scripts and checks.
 *   crew quote ROLE [--qty N] [--unit U] [--agreement A] [--region R] [--tier T] [--date D]
 *                   [--hours H] [--days N] [--wages-to-date W] [--json]
 *   crew describe ROLE [--json]
 *   crew roles [--department D] [--search S] [--json]
 *   crew eval 'FORMULA'
 * Errors: exit status 2, one line on stderr; with --json, {"error":{...}} on stdout.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  centsToDollars,
  formatUsd,
  isRateError,
  type ExplainedQuote,
  type RateEngine,
} from "../engine";
import { evaluateFormula } from "./evaluate";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

const USAGE = `Usage:
  crew quote ROLE [--qty N] [--unit hour|day|week|flat] [--agreement A] [--region R] [--tier T]
                  [--date YYYY-MM-DD] [--hours H] [--days 5|6|7] [--wages-to-date DOLLARS] [--json]
  crew describe ROLE [--json]
  crew roles [--department D] [--search TEXT] [--json]
  crew eval 'FORMULA'          e.g. crew eval '=CREW.RATE("Gaffer", 6)'`;

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
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n))
    throw new UsageError(`--${name} must be a number, not '${v}'.`);
  return n;
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
        `  ${r.agreement.padEnd(22)} ${r.tier.padEnd(10)} ${formatUsd(Math.round(r.amount * 100)).padStart(12)}/${r.unit.padEnd(4)} ${r.effectiveFrom}..${r.effectiveTo} ${r.kind.padEnd(9)} ${r.source}`,
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
