/**
 * How crew lists, call sheets and budgets write job titles, read into the parts that name the job
 * and the parts that only say how it is booked: numbering ("Set PA #3"), notes ("Grip (min 4
 * hrs)", "Key Grip - Local Hire"), unit and camera prefixes ("2nd Unit DP", "B/C Camera 1st AC")
 * and shorthand ("Prod. Coord.", "Add'l", "F/X", plurals). Words that change the job (1st and 2nd,
 * Key and Best Boy, Assistant) are never taken off. Used by `NameIndex.match`.
 */

/** A title with some of its booking words taken off, and what was taken. */
export interface TitleReading {
  /** What is left to look up, in lower case. */
  core: string;
  steps: ("numbering" | "note" | "unit" | "qualifier")[];
  /** What came off that is information rather than the job: "2nd unit", "B camera", "Local Hire". */
  qualifiers: string[];
}

/**
 * Shorthand as crew lists write it, spelled out. A word with two readings lists both ("Prod." is
 * production or producer); the index tries each.
 */
const SHORTHAND: Record<string, readonly string[]> = {
  prod: ["production", "producer"],
  coord: ["coordinator"],
  coordr: ["coordinator"],
  coor: ["coordinator"],
  mgr: ["manager"],
  mngr: ["manager"],
  assist: ["asst"],
  assistant: ["asst"],
  assoc: ["associate"],
  tech: ["technician"],
  techn: ["technician"],
  op: ["operator"],
  opr: ["operator"],
  oper: ["operator"],
  dir: ["director"],
  secy: ["secretary"],
  secty: ["secretary"],
  sec: ["secretary"],
  dept: ["department"],
  acct: ["accountant"],
  acctg: ["accounting"],
  exec: ["executive"],
  sup: ["supervisor"],
  supv: ["supervisor"],
  supvr: ["supervisor"],
  supr: ["supervisor"],
  super: ["supervisor"],
  supe: ["supervisor"],
  elec: ["electric", "electrician"],
  cam: ["camera"],
  photog: ["photographer"],
  loc: ["location"],
  const: ["construction"],
  constr: ["construction"],
  svc: ["service"],
  svcs: ["service"],
  capt: ["captain"],
  pass: ["passenger"],
  addl: ["additional"],
  addtl: ["additional"],
  admin: ["administrator"],
  equip: ["equipment"],
  transpo: ["transportation"],
  pyro: ["pyrotechnician"],
  fx: ["special effects"],
  sfx: ["special effects"],
  spfx: ["special effects"],
  bg: ["background"],
  pa: ["production asst"],
  ad: ["asst director"],
  ac: ["asst camera"],
  ae: ["asst editor"],
  bb: ["best boy"],
  bbe: ["best boy electric"],
  bbg: ["best boy grip"],
  upm: ["unit production manager"],
  poc: ["production office coordinator"],
  apoc: ["asst production office coordinator"],
  first: ["1st"],
  second: ["2nd"],
  third: ["3rd"],
  fourth: ["4th"],
  and: ["&"],
  colour: ["color"],
  colourist: ["colorist"],
  labour: ["labor"],
  labourer: ["laborer"],
  armourer: ["armorer"],
  dialog: ["dialogue"],
  foreperson: ["foreman"],
  forewoman: ["foreman"],
  the: [""],
};

/** Words that say what kind of job but not which one: alone, they suggest only names with all of them. */
const JOB_KINDS = [
  "operator",
  "technician",
  "coordinator",
  "manager",
  "supervisor",
  "director",
  "artist",
  "asst",
];

/** Words that never by themselves say what a job is: a suggestion needs more than these. */
const GENERIC = new Set([
  "asst",
  "key",
  "1st",
  "2nd",
  "3rd",
  "4th",
  "set",
  "unit",
  "&",
  "to",
  "of",
  "head",
  "chief",
  "additional",
  "local",
  "hire",
  "day",
  "player",
  "company",
  "department",
  "production",
  "office",
  "crew",
  "staff",
  "person",
  ...JOB_KINDS,
]);

/** Folds applied to whole keys too, for account headings that lost their spaces. */
const KEY_FOLDS: readonly [RegExp, string][] = [
  [/first/g, "1st"],
  [/second/g, "2nd"],
  [/third/g, "3rd"],
  [/fourth/g, "4th"],
  [/assistant/g, "asst"],
  [/department/g, "dept"],
];

/** Lower case without accents, apostrophes or acronym dots: "P.A." → "pa", "Add'l" → "addl". */
function clean(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ""))
    .replace(/\b(sp|s)?f\s*\/\s*x\b/g, "$1fx");
}

function tokens(text: string): string[] {
  return clean(text)
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);
}

/** "grips" → "grip", "bosses" → "boss", "greensmen" → "greensman", "dailies" → "daily". */
function singular(word: string): string {
  if (word.length < 3 || /\d/.test(word)) return word;
  if (word.endsWith("men")) return `${word.slice(0, -3)}man`;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The spelled-out readings of one word, each a list of words. */
function readingsOf(word: string, fold: boolean): string[][] {
  const base = fold ? singular(word) : word;
  const spelled = SHORTHAND[word] ?? SHORTHAND[base];
  const out = spelled ? spelled.map((s) => s.split(" ").filter(Boolean)) : [[base]];
  return out.map((words) => words.map((w) => (fold ? singular(w) : w)));
}

const MAX_READINGS = 8;

/**
 * The keys a spelling is known by once shorthand is spelled out and (in one set of keys) plurals
 * folded: both the index's spellings and typed titles go through it, so they meet in the middle.
 */
export function looseKeys(text: string): string[] {
  const words = tokens(text);
  const keys = new Set<string>();
  for (const fold of [false, true]) {
    let combos: string[][] = [[]];
    for (const word of words) {
      const next: string[][] = [];
      for (const combo of combos) {
        for (const reading of readingsOf(word, fold)) {
          if (next.length < MAX_READINGS) next.push([...combo, ...reading]);
        }
      }
      combos = next;
    }
    for (const combo of combos) {
      let key = combo.join("");
      for (const [pattern, to] of KEY_FOLDS) key = key.replace(pattern, to);
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

/**
 * The words of a title that say what the job is, spelled out and singular; `kinds` keeps the
 * words that say only what kind of job ("director", "assistant") too.
 */
export function meaningWords(text: string, kinds = false): string[] {
  const out = new Set<string>();
  for (const word of tokens(text)) {
    for (const w of readingsOf(word, true)[0] ?? []) {
      if (kinds && JOB_KINDS.includes(w)) out.add(w);
      else if (w.length > 2 && !/\d/.test(w) && !GENERIC.has(w)) out.add(w);
    }
  }
  return [...out];
}

/** Headcount and sequence numbers, with what each leaves behind. */
const NUMBERING: readonly [RegExp, string][] = [
  [/\s*#\s*\d+\b/g, ""],
  [/\s*\(\s*(?:x\s*)?\d+\s*x?\s*\)/gi, ""],
  [/\s+x\s*\d+\s*$/i, ""],
  [/\s+\d+\s*x\s*$/i, ""],
  [/\s+(?:no\.?|number)\s*\d+\s*$/i, ""],
  // A trailing number after a word ("Set P.A. 1"); no look-behind, which older Office hosts lack.
  [/([a-z.])\s+\d{1,2}\s*$/i, "$1"],
];

/** Unit words at the start of a title: "2nd Unit", "2U", "Splinter Unit", "Main Unit". */
const UNIT_PREFIX =
  /^(?:(?:2nd|second|3rd|third|main|splinter|insert|aerial|additional|addl|photo|process)\s+unit|2u|unit\s+2)\s+/;
/** Camera letters at the start: "A Cam", "B/C Camera", "C". */
const CAMERA_PREFIX = /^((?:[a-e]\s*\/\s*)*[a-e])\s+(?:(cam|camera)\s+)?(?=\S)/;
/** Hire and headcount words that do not change the job. */
const QUALIFIER_WORDS: readonly [RegExp, string][] = [
  [/\s*\blocal\s+hire\b\s*/g, "local hire"],
  [/\s*\blocal\b\s*$/g, "local hire"],
  [/\s*\bday\s*player\b\s*/g, "day player"],
  [/^(?:addl|additional|addtl)\s+/g, "additional"],
  [/^company\s+/g, "company"],
];

function pushIfNew(out: TitleReading[], reading: TitleReading): void {
  const prev = out[out.length - 1];
  const core = reading.core.replace(/\s+/g, " ").trim();
  if (!core || (prev && prev.core === core)) return;
  out.push({ ...reading, core });
}

/**
 * The readings of a typed title, from the least taken off to the most: numbering, then notes,
 * then unit and camera prefixes, then hire words. Each reading keeps what earlier ones took off.
 */
export function readTitle(text: string): TitleReading[] {
  const out: TitleReading[] = [];
  let core = text
    .replace(/[\u2010-\u2015]/g, " - ")
    .replace(/^\s*co\.\s+/i, "company ")
    .trim();
  pushIfNew(out, { core: clean(core), steps: [], qualifiers: [] });

  const numbered = NUMBERING.reduce((t, [re, to]) => t.replace(re, to), core);
  const steps: TitleReading["steps"] = [];
  const qualifiers: string[] = [];
  if (numbered !== core) {
    core = numbered;
    steps.push("numbering");
    pushIfNew(out, { core: clean(core), steps: [...steps], qualifiers: [...qualifiers] });
  }

  const notes: string[] = [];
  let bare = core.replace(/\s*[([]([^()[\]]*)[)\]]/g, (_, note: string) => {
    notes.push(note.trim());
    return " ";
  });
  bare = bare.replace(/\s*\(.*$/, "");
  const [head, ...tail] = bare.split(/\s+-+\s+|\s*,\s*/);
  notes.push(...tail.map((t) => t.trim()));
  if (notes.some(Boolean) && head) {
    core = head;
    steps.push("note");
    qualifiers.push(...notes.filter(Boolean));
    pushIfNew(out, { core: clean(core), steps: [...steps], qualifiers: [...qualifiers] });
  }

  let words = clean(core)
    .replace(/[^a-z0-9&/]+/g, " ")
    .trim();
  const unit = UNIT_PREFIX.exec(words);
  if (unit) {
    words = words.slice(unit[0].length);
    steps.push("unit");
    qualifiers.push(
      unit[0]
        .trim()
        .replace(/^2u$/, "2nd unit")
        .replace(/^second/, "2nd"),
    );
    pushIfNew(out, { core: words, steps: [...steps], qualifiers: [...qualifiers] });
  }
  const camera = CAMERA_PREFIX.exec(words);
  if (camera?.[1]) {
    const letters = camera[1].replace(/\s+/g, "").toUpperCase();
    const rest = words.slice(camera[0].length);
    if (!steps.includes("unit")) steps.push("unit");
    qualifiers.push(`${letters} camera`);
    pushIfNew(out, { core: rest, steps: [...steps], qualifiers: [...qualifiers] });
    // "C Cam Operator": the camera word belongs to the job once its letter is off.
    if (camera[2]) pushIfNew(out, { core: `camera ${rest}`, steps: [...steps], qualifiers });
    words = rest;
  }
  for (const [pattern, qualifier] of QUALIFIER_WORDS) {
    const stripped = words.replace(pattern, " ").trim();
    if (stripped !== words && stripped) {
      words = stripped;
      if (!steps.includes("qualifier")) steps.push("qualifier");
      if (!qualifiers.includes(qualifier)) qualifiers.push(qualifier);
    }
  }
  pushIfNew(out, { core: words, steps: [...steps], qualifiers: [...qualifiers] });
  return out;
}

/** How a title says the person is hired, where it says: "local" for a local hire. */
export type Hiring = "local";

/** Hire words as crew lists write them: "Local Hire", "(local)", "hired locally", "LH". */
const LOCAL_HIRE = /^(?:local(?: hire| hired| crew)?|locally hired|hired locally|loc hire|lh)$/;

/**
 * What the words taken off a title say about the hire: "local" when one of them is a local-hire
 * note ("Key Grip - Local Hire", "Grip (local)"), else undefined. A local hire is paid under the
 * agreement that covers the job where the production shoots, not a home agreement it travels with.
 * @param qualifiers the words a reading kept (`TitleReading.qualifiers`)
 */
export function hireOf(qualifiers: readonly string[]): Hiring | undefined {
  return qualifiers.some((q) => LOCAL_HIRE.test(tokens(q).join(" "))) ? "local" : undefined;
}
