/**
 * The wage-schedule books on the card: what each golden CSV under test/golden/ transcribes, and
 * where the original is. `npm run data:import` turns each CSV into src/data/scales/<id>.json.
 * Adding a new period = adding its rows to the CSV and running the import.
 */
import type { Source } from "../src/engine/types";
import type { IncomingFilter } from "./incomingBooks";

const REPO =
  "https://github.com/7777tbone7777/ai-budget-system/blob/bee6b1352ab5b8fc4603029f6b61824a4beac183/database/union_contracts";

/** Periods the book does not print, derived from printed ones and labelled estimates. */
export interface Derivation {
  /** Period to derive from (its `from` date) and the new period. */
  fromPeriod: string;
  from: string;
  to: string;
  /** Multiplier on hourly (or weekly, when no hourly is printed) figures. */
  factor: number;
  /** Round derived weekly-only figures to whole dollars (DGA practice). */
  wholeDollars?: boolean;
  method: string;
}

/**
 * A printed period the card does not use as printed (e.g. a conditional increase whose condition
 * was not met): its rows stay in the golden CSV, and the card carries `derive` in its place, with
 * the printed figure quoted in the method.
 */
export interface Supersession {
  period: string;
  derive: Derivation;
}

export interface BookConfig {
  id: string;
  agreement: string;
  name: string;
  regions: string[];
  /** Budget tiers the book's rates apply at; absent: the studio tier only. */
  tiers?: string[];
  /** The card version that added the book: every period it holds carries this `since`. */
  since?: string;
  /** A golden CSV under test/golden/ (or incoming/ with `incoming`, read through incomingBooks.ts). */
  csv: string;
  incoming?: IncomingFilter;
  source: Source;
  supersede?: Supersession[];
  /** Sources of particular periods, by their `from` date, where they differ from the book's. */
  periodSources?: Record<string, Source>;
  derive?: Derivation[];
}

const GWI_2025 =
  "the Basic Agreement general wage increase of 4% (8/3/2025, 2024 IATSE MOA §2) applied to the printed 8/4/2024 hourly rate and rounded to the cent; weekly = that hourly × the same pay hours as the printed week";
const GWI_2026 =
  "the Basic Agreement general wage increase of 3.5% (8/2/2026, 2024 IATSE MOA §2) applied to the derived 8/3/2025 hourly rate and rounded to the cent; weekly = that hourly × the same pay hours as the printed week";

export const BOOKS: BookConfig[] = [
  {
    id: "iatse-600",
    agreement: "iatse",
    name: "IATSE Local 600 (Cinematographers Guild, West Coast) Schedule #1",
    regions: ["los-angeles"],
    csv: "iatse-600.csv",
    source: {
      publisher: "AMPTP and IATSE Local 600",
      title: "2024-27 Local #600 Wage Schedules, Schedule #1 (printed 8/3/2024)",
      docNumber: "00310921",
      address: `${REPO}/extracted_text/Local_600_Camera/Local_600_2024-27_Wage_Schedules.txt`,
      published: "2024-08-03",
      confidence: "high",
    },
  },
  {
    id: "iatse-700",
    agreement: "iatse",
    name: "IATSE Local 700 (Motion Picture Editors Guild) Schedule #1",
    regions: ["los-angeles"],
    csv: "iatse-700.csv",
    source: {
      publisher: "AMPTP and IATSE Local 700",
      title: "2024-27 Local #700 (Majors) Wage Schedules, Schedule #1 (printed 8/2/2024)",
      note: 'From card 2026.3 the footnotes are transcribed as printed (p.14 for 8/1-8/3/2024, repeated on pp.17, 20 and 23 for 2024-27): footnote 10, a Mixer regularly assigned as Supervising Re-recording Mixer (4120, entry level 4111) at a 15% bonus, Schedules A-4 and B-3 (filed as 4120-fn10 and 4111-fn10); footnote 11, the Y-1 Mixer and Y-3a Supervising Engineer Schedule E-2 weekly "On Call" rate (on 4100/4120, 4130, 4110/4111 and 4113). Footnote 11 prints its third period as "effective August 2, 2023 through July 31, 2027", a misprint for August 2, 2026 (the page\'s own period).',

      docNumber: "00314220",
      address: `${REPO}/extracted_text/Local_700_Editors/Local_700_2024-27_Wage_Schedules.txt`,
      published: "2024-08-02",
      confidence: "high",
    },
  },
  {
    id: "iatse-80",
    agreement: "iatse",
    name: "IATSE Local 80 (Studio Grips) Schedule #1",
    regions: ["los-angeles"],
    csv: "iatse-80.csv",
    source: {
      publisher: "AMPTP and IATSE Local 80",
      title: "2024-27 Local #80 Studio Grips Wage Schedules, Schedule #1 (printed 8/13/2024)",
      docNumber: "00314216",
      address: `${REPO}/extracted_text/Local_80_Grips/Local_80_2024-27_Wage_Schedules.txt`,
      published: "2024-08-13",
      confidence: "high",
    },
  },
  {
    id: "iatse-44",
    agreement: "iatse",
    name: "IATSE Local 44 (Affiliated Property Craftspersons) Schedule #1",
    regions: ["los-angeles"],
    csv: "iatse-44.csv",
    source: {
      publisher: "AMPTP and IATSE Local 44",
      title: "2024-27 Local #44 Wage Schedules, Schedule #1 (doc 00314214.XLSX, printed 8/13/2024)",
      note: "From card 2026.3 the footnote classes are transcribed as printed (footnotes p.9 for the first period, whose footnote rates run 7/30/2023-8/3/2024, and p.13 for 2024-27): footnote 2 Combination Welder (no occupation code printed), 4 and 5 Draper (7321), Floor Coverer (7324) and Upholsterer (7320) Forepersons and footnote 4 Sewing Foreperson (7328), 10 Draper (7323), Floor Coverer (7327) and Upholsterer (7322) Gang Bosses, 13 Drapers (7326), Floor Coverers (7370), Property Sewing Persons (7329) and Upholsterers (7325). Footnote 4 gives the Upholsterer Foreperson the table's foreperson code 7320; the card files it as 7320-upholsterer. Footnotes 4 and 2 print hourly rates without naming a schedule: the card files them under Schedule A, where their markers sit.",
      address: `${REPO}/extracted_text/Local_44_Props/Local_44_2024-27_Wage_Schedules.txt`,
      published: "2024-08",
      confidence: "high",
    },
  },
  {
    id: "iatse-728",
    agreement: "iatse",
    name: "IATSE Local 728 (Studio Electrical Lighting Technicians) Basic Agreement rates",
    regions: ["los-angeles"],
    csv: "iatse-728.csv",
    source: {
      publisher: "IATSE Local 728",
      title: "IATSE Local 728 rate card, Basic Agreement studio minimum rates 8/4/24-8/2/25",
      address: `${REPO}/extracted_text/Local_728_Lighting/Local_728_2024_Rate_Card.txt`,
      published: "2024",
      confidence: "medium-high",
      note: 'A garbled two-page layout; only unambiguous lines are transcribed. Figures agree with the matching Local 80 classifications to the cent. The CLT\'s weekly guarantee (5401, "54 hrs. weekly per hour" $59.80 and "weekly guarantee" $3,647.80, p.1, Basic Agreement Studio Minimum Rates 8/4/24 to 8/2/25 column; two overprinted lines read apart, the same figures as 5421 Chief Rigging Tech) is on the card from 2026.3: a gaffer\'s week is the 54-hour guarantee (61 pay hours), not five 8-hour days.',
    },
    derive: [
      {
        fromPeriod: "2024-08-04",
        from: "2025-08-03",
        to: "2026-08-01",
        factor: 1.04,
        method: GWI_2025,
      },
      {
        fromPeriod: "2025-08-03",
        from: "2026-08-02",
        to: "2027-07-31",
        factor: 1.035,
        method: GWI_2026,
      },
    ],
  },
  {
    id: "iatse-800",
    agreement: "iatse",
    name: "IATSE Local 800 (Art Directors Guild) Schedule #1",
    regions: ["los-angeles"],
    csv: "iatse-800.csv",
    source: {
      publisher: "AMPTP and IATSE Local 800",
      title: "2024-27 Local #800 Wage Schedules, Schedule #1",
      address: `${REPO}/extracted_text/Local_800_Art_Directors/Local_800_2024-27_Wage_Schedules.txt`,
      published: "2024-08",
      confidence: "high",
    },
  },
  {
    id: "teamsters-399",
    agreement: "teamsters",
    name: "Teamsters Local 399 (Studio Transportation Drivers) studio minimums",
    regions: ["los-angeles"],
    csv: "teamsters-399.csv",
    source: {
      publisher: "AMPTP and Teamsters Local 399",
      title: "2024-27 Local #399 Wage Schedules, studio minimum rates (printed 9/23/2024)",
      docNumber: "00320233",
      address: `${REPO}/extracted_text/Teamsters_399/Teamsters_399_2024-27_Wage_Schedules.txt`,
      published: "2024-09-23",
      confidence: "high",
    },
  },
  {
    id: "dga",
    agreement: "dga",
    name: "DGA Basic Agreement UPM and AD minimum salaries (studio and distant location)",
    regions: ["*"],
    csv: "dga.csv",
    source: {
      publisher: "Directors Guild of America",
      title:
        "DGA rate card 2023-2024, AD/UPM general rates, p.11, studio (5-day) and location (7-day distant) weekly and daily columns (as extracted in DGARates2023thru2024pg11ADUPMGeneralRates240213.sql; labels corrected per RATE-SOURCES §2)",
      address:
        "https://github.com/7777tbone7777/ai-budget-system/blob/bee6b1352ab5b8fc4603029f6b61824a4beac183/database/guild_agreements/DGARates2023thru2024pg11ADUPMGeneralRates240213.sql",
      published: "2024-02-13",
      confidence: "medium-high",
    },
    periodSources: {
      "2025-07-01": {
        publisher: "Entertainment Partners",
        title:
          "Paymaster 2025-2026 (Nov 2025 ed.), DGA minimums, as transcribed in paymaster_2025_rates.py",
        address: `${REPO}/paymaster_2025_rates.py`,
        published: "2025-11",
        confidence: "medium",
        note: "An unverified transcription; every figure equals the 2023-24 figure × 1.04 × 1.035 with DGA rounding.",
      },
    },
    derive: [
      {
        fromPeriod: "2023-07-01",
        from: "2024-07-01",
        to: "2025-06-30",
        factor: 1.04,
        wholeDollars: true,
        method:
          "the same schedule's 2023-24 minimum × 1.04 (the DGA 2023 Basic Agreement's 4% increase of 7/1/2024), rounded to the dollar; the 2024-25 rate card itself was not in our sources",
      },
      {
        fromPeriod: "2025-07-01",
        from: "2026-07-01",
        to: "2027-06-30",
        factor: 1,
        wholeDollars: true,
        method:
          "the 2025-26 minimum carried forward unchanged: the DGA's 2026 agreement rates were not in our sources, so this is likely low",
      },
    ],
  },
];

const V2 = "2026.2";

const ASA_SOURCE: Source = {
  title:
    'IATSE, 2024-27 IATSE Area Standards Agreement Wage Rates, Appendix A crafts and classifications wage schedule and pp.1-2 grade tables, "Non-Maryland" Theatrical Motion Pictures (doc 00317697.XLSX, printed 7/29/2024), 8/1/2024-7/31/2027',
  published: "2024-07-29",
  confidence: "high",
  note: 'Read from shared/sources/Area_Standards_Wage_Rates_2024-27.pdf (pdftotext -layout, checked cell by cell; test/golden/incoming/asa-2024-27.md). The book prints no list of the areas each rate set covers: the card applies "Non-Maryland" in Georgia and New Mexico after the Media Services Labor Guide (https://laborguide.mediaservices.com/how-to-use-this-guide; also wrapbook.com "IATSE agreements and basic crafts explained"), which lists GA, NM, LA, TX and about 35 more states as Non-Maryland and CA outside the Basic Agreement, FL, MD and MI as "Maryland". "Other US" is the card\'s choice of Non-Maryland, the set most ASA states use; in a "Maryland" state the rates are higher (about 6%): use a Rate Overrides line. Theatrical only: the card has no TV category setting, and the Non-Maryland TV columns print "per individual negotiation" for every key craft.',
};

const L52_SOURCE: Source = {
  title:
    "IATSE Local 52, 2024-27 minimum rates, Part A Section 1.(a)(1): theatrical motion pictures shooting in New York and New Jersey, minimum daily rates (doc 00322648.XLSX, printed 9/3/2024)",
  published: "2024-09-03",
  confidence: "high",
  note: 'Read from shared/sources/Local_52_Wage_Rates_2024-27.txt (test/golden/incoming/local-52-2024-27.md). Periods from 9/29/2024 are the 2024-27 terms; the first column (5/14/2023 or 10/1/2023 to 9/28/2024) is the previous contract\'s rate as the same sheet prints it. The book prints day rates only, no hours, work rules or benefit contributions. This book is the theatrical schedule, a New York line\'s default; from card 2026.4 the television schedules (Part A, pp.2-9) are books of their own, each an agreement a line names ("Local 52 TV", "Local 52 Long-Form" ...).',
};

function lbtSource(appendix: string, title: string, pages: string): Source {
  return {
    title: `IATSE, 2023-2025 Low Budget Theatrical Agreement, Appendix ${appendix}: ${title}, ${pages}; no doc number printed; term 2/1/2023-12/31/2025 (Art. XXXV)`,
    published: "2024-01-24",
    confidence: "high",
    note: "Read from shared/sources/IATSE_Low_Budget_Theatrical_2023-25.pdf (pdftotext -layout, checked cell by cell; test/golden/incoming/lbt-2023-25.md). Tier bands: Art. I.B, p.3. Production cities (App. A 1.b, p.29): Chicago, Cleveland, Detroit, Orlando, San Francisco, St. Louis, New York, Washington D.C.; Los Angeles through Art. XII.",
  };
}

const LBT_2025 =
  'the 1/1/2024 printed rate × 1.03, rounded to the cent. The book\'s 01/01/25 column prints the rate +4%, but its footnote says: "If inflation from the prior year as of October 31, 2024 is below four percent (4%), then the contract minimum wage rates shall be increased by three percent (3%) effective January 1, 2025" (CPI-U, series CUUR0000SA0). The BLS reported the CPI-U up 2.6% for the 12 months ending October 2024 (Consumer Price Index news release, November 13, 2024), so the 3% increase applies';
const LBT_2026 =
  "the derived 1/1/2025 rate × 1.03, rounded to the cent: the 2023-25 agreement ends 12/31/2025 and its successor is not in our sources; 3% is the increase the 2023-25 agreement gave in a year of inflation under 4%";
const LBT_2027 =
  "the derived 1/1/2026 rate × 1.03, rounded to the cent (the same assumption as 2026)";

function lbtDerive(hasPrinted2025: boolean): Pick<BookConfig, "supersede" | "derive"> {
  const derive2026: Derivation[] = [
    {
      fromPeriod: "2025-01-01",
      from: "2026-01-01",
      to: "2026-12-31",
      factor: 1.03,
      method: LBT_2026,
    },
    {
      fromPeriod: "2026-01-01",
      from: "2027-01-01",
      to: "2027-12-31",
      factor: 1.03,
      method: LBT_2027,
    },
  ];
  if (!hasPrinted2025) return { derive: derive2026 };
  return {
    supersede: [
      {
        period: "2025-01-01",
        derive: {
          fromPeriod: "2024-01-01",
          from: "2025-01-01",
          to: "2025-12-31",
          factor: 1.03,
          method: LBT_2025,
        },
      },
    ],
    derive: derive2026,
  };
}

const LBT_CSV = "incoming/lbt-2023-25.csv";
const PRODUCTION_CITY_REGIONS = ["los-angeles", "new-york"];
const NON_PRODUCTION_CITY_REGIONS = ["georgia", "new-mexico", "other-us", "maryland"];

/** Books added in card 2026.2 (issue 13): union scales outside Los Angeles and below Studio. */
export const BOOKS_2026_2: BookConfig[] = [
  {
    id: "iatse-asa",
    agreement: "asa",
    name: 'IATSE Area Standards Agreement, "Non-Maryland" theatrical',
    regions: ["georgia", "new-mexico", "other-us"],
    tiers: ["studio"],
    since: V2,
    csv: "incoming/asa-2024-27.csv",
    incoming: { format: "asa", rateSet: "non-maryland", category: "theatrical" },
    source: ASA_SOURCE,
  },
  {
    id: "iatse-52",
    agreement: "local-52",
    name: "IATSE Local 52 (New York / New Jersey) theatrical",
    regions: ["new-york"],
    tiers: ["studio"],
    since: V2,
    csv: "incoming/local-52-2024-27.csv",
    incoming: { format: "local-52", category: "theatrical" },
    source: L52_SOURCE,
  },
  {
    id: "iatse-lbt-1a",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Tier One A (all covered employees)",
    regions: ["*"],
    tiers: ["tier-1a"],
    since: V2,
    csv: LBT_CSV,
    incoming: { format: "lbt", tier: "1a", citySet: "all-locations" },
    source: lbtSource(
      "B",
      "Wage Scale Tier One A Productions, All Covered Employees (Key / 2nd / 3rd grade table and the grade of each classification)",
      "p.30 (printed 28)",
    ),
    ...lbtDerive(true),
  },
  {
    id: "iatse-lbt-1b",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Tier One B (all covered employees)",
    regions: ["*"],
    tiers: ["tier-1b"],
    since: V2,
    csv: LBT_CSV,
    incoming: { format: "lbt", tier: "1b", citySet: "all-locations" },
    source: lbtSource(
      "C",
      "Wage Scale Tier One B Productions, All Covered Employees",
      "pp.31-33 (printed 29-31)",
    ),
    ...lbtDerive(true),
  },
  {
    id: "iatse-lbt-2",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Tier Two (Los Angeles and production cities)",
    regions: PRODUCTION_CITY_REGIONS,
    tiers: ["tier-2"],
    since: V2,
    csv: LBT_CSV,
    incoming: { format: "lbt", tier: "2", citySet: "la-production-cities" },
    source: lbtSource(
      "D(1)",
      "Wage Scale Los Angeles and Production Cities, Tier Two Productions",
      "pp.34-36 (printed 32-34)",
    ),
    ...lbtDerive(true),
  },
  {
    id: "iatse-lbt-2-npc",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Tier Two (non-production cities)",
    regions: NON_PRODUCTION_CITY_REGIONS,
    tiers: ["tier-2"],
    since: V2,
    csv: LBT_CSV,
    incoming: { format: "lbt", tier: "2", citySet: "non-production-cities" },
    source: lbtSource(
      "E(1)",
      "Wage Scale Non-Production Cities, Tier Two Productions (Atlanta and Albuquerque are not production cities, App. A 1.b)",
      "pp.40-42 (printed 38-40)",
    ),
    ...lbtDerive(true),
  },
  {
    id: "iatse-lbt-3",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Tier Three (Los Angeles and production cities)",
    regions: PRODUCTION_CITY_REGIONS,
    tiers: ["tier-3"],
    since: V2,
    csv: LBT_CSV,
    incoming: { format: "lbt", tier: "3", citySet: "la-production-cities" },
    source: lbtSource(
      "D(2)",
      "Wage Scale Los Angeles and Production Cities, Tier Three Productions",
      "pp.37-39 (printed 35-37)",
    ),
    ...lbtDerive(true),
  },
  {
    id: "iatse-lbt-3-npc",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Tier Three (non-production cities)",
    regions: NON_PRODUCTION_CITY_REGIONS,
    tiers: ["tier-3"],
    since: V2,
    csv: LBT_CSV,
    incoming: { format: "lbt", tier: "3", citySet: "non-production-cities" },
    source: lbtSource(
      "E(2)",
      "Wage Scale Non-Production Cities, Tier Three Productions",
      "pp.43-45 (printed 41-43)",
    ),
    ...lbtDerive(true),
  },
  {
    id: "iatse-lbt-ultra-low",
    agreement: "lbt",
    name: "IATSE Low Budget Theatrical, Ultra Low Budget wage floor (negotiated rates)",
    regions: ["*"],
    tiers: ["ultra-low"],
    since: V2,
    csv: "lbt-ultra-low.csv",
    source: {
      title:
        'IATSE, 2023-2025 Low Budget Theatrical Agreement, Art. XXIX.B "Ultra Low Budget Film", p.24 (printed 22); term 2/1/2023-12/31/2025',
      published: "2024-01-24",
      confidence: "medium-high",
      note: 'NEGOTIABLE: Ultra Low wages "shall be as negotiated with such an employee", at not less than 125% of the applicable statutory minimum wage and never below $13 an hour in year one, $14 in year two and $15 in year three. The card carries that floor only; the contract years are not dated in the book and are read as the 2/1/2023, 1/1/2024 and 1/1/2025 steps. Where 125% of the state or city minimum wage is higher (California, New York), the floor is higher than this figure. Overtime follows applicable law.',
    },
    derive: [
      {
        fromPeriod: "2025-01-01",
        from: "2026-01-01",
        to: "2027-12-31",
        factor: 1,
        method:
          "the year-three floor ($15 an hour) carried forward unchanged: the 2023-25 agreement ends 12/31/2025 and its successor is not in our sources; the floor is negotiable and tied to the statutory minimum wage",
      },
    ],
  },
];

BOOKS_2026_2.push(
  {
    id: "iatse-80-first-aid",
    agreement: "iatse",
    name: "IATSE Local 80 First Aid Employees Schedule #1",
    regions: ["los-angeles"],
    tiers: ["studio"],
    since: V2,
    csv: "iatse-80-first-aid.csv",
    source: {
      title:
        "2024-27 Local #80 First Aid Employees Wage Schedules, Wage Schedule #1 (doc 00314215.XLSX, printed 8/13/2024), pp.8-11",
      published: "2024-08-13",
      confidence: "high",
      note: 'Read from shared/sources/Local_80_First_Aid_Wage_Rates.txt. Schedule A: daily employees, 1-1/2 after 8 and/or 40, minimum call 8 hours; Schedule B-1 (printed "B-1" with footnote marker 1): weekly employees, weekly guarantee 43.2 cumulative hours, 5 consecutive days (the weekly figure is 44.8 pay hours of the B-1 hourly rate).',
    },
  },
  {
    id: "iatse-705",
    agreement: "iatse",
    name: "IATSE Local 705 (Motion Picture Costumers) studio minimum rates",
    regions: ["los-angeles"],
    tiers: ["studio"],
    since: V2,
    csv: "iatse-705.csv",
    source: {
      title:
        "2024 Local 705 Memorandum of Agreement (AMPTP / IATSE and Local 705, July 17, 2024, doc 00312866), item 1.a: Paragraph 1(a)(1)(i) studio minimum rates, p.3",
      published: "2024-07-17",
      confidence: "high",
      note: 'Read from shared/sources/Local_705_Costumers_MOA.txt. The new figures are printed "[Not Subject to General Wage Increases in Year 1]" and take effect August 4, 2024 "or the first Sunday following the business day on which the AMPTP receives notice of ratification, whichever is later" (the card uses 8/4/2024, the Basic Agreement date). Schedule A: daily, 1½ after 8 and/or 40, minimum call 8 hours; Schedule B-1: weekly guarantee 54 cumulative hours, 5 consecutive days, minimum call 9 hours (the weekly figure is 61 pay hours of the B-1 hourly rate). The MOA prints no later periods.',
    },
    derive: [
      {
        fromPeriod: "2024-08-04",
        from: "2025-08-03",
        to: "2026-08-01",
        factor: 1.04,
        method: GWI_2025,
      },
      {
        fromPeriod: "2025-08-03",
        from: "2026-08-02",
        to: "2027-07-31",
        factor: 1.035,
        method: GWI_2026,
      },
    ],
  },
);

const L695_FROM =
  "derived from the 2018-21 Local 695 book (its 8/2/2020-7/31/2021 rate, the last it prints) + general wage increases";
const L695_BA21 =
  "the 2021 IATSE Basic Agreement's 3% general wage increase (as the Local 44 2024-27 book's footnote 2 steps 49.29 → 50.77 → 52.29 confirm), rounded to the cent; daily and weekly = that hourly × the printed pay hours";
BOOKS_2026_2.push({
  id: "iatse-695",
  agreement: "iatse",
  name: "IATSE Local 695 (Production Sound) Schedule #1, derived",
  regions: ["los-angeles"],
  tiers: ["studio"],
  since: V2,
  csv: "iatse-695-2020-21.csv",
  source: {
    title:
      "2018-21 Local #695 Wage Schedules, Wage Schedule #1 studio minimum rates 8/2/2020-7/31/2021 (doc 00161162.XLSX, printed 10/18/2018), pp.7-8",
    published: "2018-10-18",
    confidence: "medium",
    note: "Read from shared/sources/Local_695_2018-21_Wage_Schedules.txt; journeyman rates only. Schedule A-1: daily, 1-1/2 after 9, minimum call 9 hours; B-1 (Y-1 mixer): weekly guarantee 48.6 hours, 1-1/2 after 48.6; B-2: weekly guarantee 48.6 hours (52.9 pay hours); E: the Y-1 mixer's weekly \"On Call\" rate (footnote 2). No 2024-27 Local 695 book is in our sources: every figure after 7/31/2021 is an estimate derived from these with the general wage increases. Check: the derived 2024-25 Y-1 hourly ($96.21) and Y-8 hourly ($58.82) equal the Local 700 book's Y-1 and Y-8 grades for the same period.",
  },
  derive: [
    {
      fromPeriod: "2020-08-02",
      from: "2021-08-01",
      to: "2022-07-30",
      factor: 1.03,
      method: `${L695_FROM}: ${L695_BA21} (8/1/2021)`,
    },
    {
      fromPeriod: "2021-08-01",
      from: "2022-07-31",
      to: "2023-07-29",
      factor: 1.03,
      method: `${L695_FROM}: ${L695_BA21} (7/31/2022)`,
    },
    {
      fromPeriod: "2022-07-31",
      from: "2023-07-30",
      to: "2024-08-03",
      factor: 1.03,
      method: `${L695_FROM}: ${L695_BA21} (7/30/2023)`,
    },
    {
      fromPeriod: "2023-07-30",
      from: "2024-08-04",
      to: "2025-08-02",
      factor: 1.07,
      method: `${L695_FROM}: the 2024 IATSE MOA's 7% general wage increase (8/4/2024, MOA24 §2), rounded to the cent; daily and weekly = that hourly × the printed pay hours`,
    },
    {
      fromPeriod: "2024-08-04",
      from: "2025-08-03",
      to: "2026-08-01",
      factor: 1.04,
      method: `${L695_FROM}: ${GWI_2025}`,
    },
    {
      fromPeriod: "2025-08-03",
      from: "2026-08-02",
      to: "2027-07-31",
      factor: 1.035,
      method: `${L695_FROM}: ${GWI_2026}`,
    },
  ],
});

BOOKS_2026_2.push({
  id: "iatse-600-amendment",
  agreement: "local-600-amendment",
  name: "IATSE Local 600 Amendment Agreement (the Corridor) Schedule #12",
  regions: ["new-york"],
  tiers: ["studio"],
  since: V2,
  csv: "iatse-600-amendment.csv",
  source: {
    title:
      '2024-27 Local #600 Wage Schedules, Wage Schedule #12: Amendment Agreement studio minimum rates, CT, DE, MD, MA, NJ, NY, RI, PA and Washington D.C. ("the Corridor") (doc 00310921.XLSX, printed 8/3/2024), pp.60-63',
    published: "2024-08-03",
    confidence: "high",
    note: "Read from shared/sources/Local_600_2024-27_Wage_Schedules.txt. For motion pictures other than long-form TV, pilots, 1st and 2nd seasons of one-hour series and low/mid-budget SVOD, AVOD and FAST programs. Schedule D: daily employees, 8 hours, 1-1/2 after 8; Schedule E: weekly employees, weekly guarantee 5 consecutive days, 40 hours. The card applies it in New York only.",
  },
});

BOOKS.push(...BOOKS_2026_2);

const V3 = "2026.3";
const V4 = "2026.4";

/** The p.2 APOCs and ADCs table, which every ASA television book carries from card 2026.4. */
const APOC_TABLE = {
  rateSet: "all-asa-covered-geographic-areas",
  category: "television",
  since: V4,
} as const;

const ASA_CATEGORY: Record<string, string> = {
  theatrical: "Theatrical Motion Pictures",
  "pilots-long-form-and-first-year-of-one-hour-episodic-series":
    "Television: Pilots, Long-Form and First Year of One-Hour Episodic Series",
  "all-other-television": "Television: All Other Television",
};

function asaSource(rateSet: "maryland" | "non-maryland", category: string): Source {
  const set = rateSet === "maryland" ? '"Maryland"' : '"Non-Maryland"';
  const where =
    rateSet === "maryland"
      ? 'The book prints no list of the areas a rate set covers (test/golden/incoming/asa-2024-27.md): the card applies "Maryland" in its Maryland region, after the Media Services Labor Guide (https://laborguide.mediaservices.com/how-to-use-this-guide), which lists California outside the Basic Agreement, Florida, Maryland and Michigan as "Maryland" areas; for those other states choose the Maryland region for the ASA rates (its payroll taxes are the generic-state estimate).'
      : 'The book prints no list of the areas a rate set covers (test/golden/incoming/asa-2024-27.md): the card applies "Non-Maryland" in Georgia, New Mexico and Other US, as for the theatrical set (the Media Services Labor Guide lists GA, NM, LA, TX and about 35 more states as Non-Maryland).';
  const tv =
    category === "theatrical"
      ? ""
      : ' A television category is chosen as its own agreement on the card ("ASA Television ..."): a line left to its default is priced under the theatrical set. Classifications printed "per individual negotiation" or "N/A" in this column have no figure and are not on the card; the Non-Maryland grade tables (p.1) print no Key row for television. From card 2026.4 the book also carries the p.2 table "APOCs and ADCS Employed in Television All ASA-Covered Geographic Areas" (code apocs-and-adcs, schedule "Summary table"), printed once for every area and both television categories; its figures equal this column\'s Appendix A cells for the Assistant Production Office Coordinator and the Art Dept. Coordinator (if hired locally), which the APOC and art department coordinator roles are priced on.';
  return {
    title: `IATSE, 2024-27 IATSE Area Standards Agreement Wage Rates, Appendix A crafts and classifications wage schedule (pp.3-18) and pp.1-2 grade tables, ${set} ${ASA_CATEGORY[category]!} (doc 00317697.XLSX, printed 7/29/2024), 8/1/2024-7/31/2027`,
    published: "2024-07-29",
    confidence: "high",
    note: `Read from shared/sources/Area_Standards_Wage_Rates_2024-27.pdf (pdftotext -layout, checked cell by cell; test/golden/incoming/asa-2024-27.md). Hourly minimums only: the book prints no day or week figures, no work rules and no fringes. ${where}${tv}`,
  };
}

/** Books added in card 2026.3: the ASA "Maryland" set and the ASA television categories. */
export const BOOKS_2026_3: BookConfig[] = [
  {
    id: "iatse-asa-md",
    agreement: "asa",
    name: 'IATSE Area Standards Agreement, "Maryland" theatrical',
    regions: ["maryland"],
    tiers: ["studio"],
    since: V3,
    csv: "incoming/asa-2024-27.csv",
    incoming: { format: "asa", rateSet: "maryland", category: "theatrical" },
    source: asaSource("maryland", "theatrical"),
  },
];
for (const [rateSet, regions] of [
  ["non-maryland", ["georgia", "new-mexico", "other-us"]],
  ["maryland", ["maryland"]],
] as const) {
  for (const [category, agreement, short] of [
    [
      "pilots-long-form-and-first-year-of-one-hour-episodic-series",
      "asa-tv-long-form",
      "tv-long-form",
    ],
    ["all-other-television", "asa-tv-other", "tv-other"],
  ] as const) {
    BOOKS_2026_3.push({
      id: rateSet === "maryland" ? `iatse-asa-md-${short}` : `iatse-asa-${short}`,
      agreement,
      name: `IATSE Area Standards Agreement, "${rateSet === "maryland" ? "Maryland" : "Non-Maryland"}" ${ASA_CATEGORY[category]!}`,
      regions: [...regions],
      tiers: ["studio"],
      since: V3,
      csv: "incoming/asa-2024-27.csv",
      incoming: { format: "asa", rateSet, category, extra: [APOC_TABLE] },
      source: asaSource(rateSet, category),
    });
  }
}

BOOKS.push(...BOOKS_2026_3);

/** A Local 52 Part A television schedule (pp.2-9): each is an agreement a producer names. */
export interface Local52TvCategory {
  /** The category slug in test/golden/incoming/local-52-2024-27.csv. */
  category: string;
  /** Book `iatse-52-<short>`, agreement `local-52-<short>` (card-meta.json). */
  short: string;
  /** The category in a few words, for the book's name (card-meta.json names the agreement alike). */
  label: string;
  page: number;
  section: string;
  /** The page's heading after "Minimum daily rates for employees working on", as printed. */
  printed: string;
  /** What the page's columns repeat, where a page prints another page's rates a step behind. */
  repeats?: string;
}

const L52_REPEATS = (page: number) =>
  `As printed (checked for every row), this page's 9/29/2024, 9/28/2025 and 10/4/2026 columns repeat the 5/14/2023, 9/29/2024 and 9/28/2025 columns of p.${page}: a season begun before 10/1/2024 stays a step behind.`;

export const LOCAL_52_TV: Local52TvCategory[] = [
  {
    category: "television",
    short: "tv",
    label:
      "television other than long-form, pilots, one-hour series and 1st-2nd seasons of single-camera half-hour prime time dramatic series",
    page: 2,
    section: "1.(a)(2)",
    printed:
      "television motion pictures shooting in New York and New Jersey, except for long-form television motion pictures (including mini-series), pilots, one-hour series and 1st and 2nd seasons of single camera half-hour prime time dramatic series",
  },
  {
    category: "half-hour-single-camera-prime-time-dramatic-series-seasons-1-2-from-2024-10-01",
    short: "tv-half-hour",
    label:
      "television, single-camera half-hour prime time dramatic series, seasons 1-2 begun on or after 10/1/2024",
    page: 3,
    section: "1.(a)(2)",
    printed:
      "1st and 2nd seasons of single camera half-hour prime time dramatic series, for which the 1st episode of the season commences principal photography on or after October 1, 2024, shooting in New York and New Jersey",
  },
  {
    category: "half-hour-single-camera-prime-time-dramatic-series-seasons-1-2-before-2024-10-01",
    short: "tv-half-hour-before-oct-2024",
    label:
      "television, single-camera half-hour prime time dramatic series, seasons 1-2 begun before 10/1/2024",
    page: 4,
    section: "1.(a)(2)",
    printed:
      "1st and 2nd seasons of single camera half-hour prime time dramatic series, for which the 1st episode of the season commences principal photography prior to October 1, 2024, shooting in New York and New Jersey",
    repeats: L52_REPEATS(2),
  },
  {
    category: "long-form-tv-and-pilots",
    short: "tv-long-form",
    label: "television, long-form (mini-series begun before 10/1/2024) and pilots",
    page: 5,
    section: "1.(a)(3)",
    printed:
      "long-form tv motion pictures (including mini-series the first part of which commences principal photography prior to October 1, 2024) and pilots in New York and New Jersey",
  },
  {
    category: "one-hour-series-begun-before-2006-05-16",
    short: "tv-one-hour-before-2006",
    label: "television, one-hour series begun before 5/16/2006",
    page: 6,
    section: "1.(a)(4)",
    printed:
      "one-hour series in New York and New Jersey which began production prior to May 16, 2006",
  },
  {
    category: "new-one-hour-series-seasons-1-2-from-2024-10-01-and-new-mini-series",
    short: "tv-one-hour-new",
    label:
      "television, new one-hour series (seasons 1-2 begun on or after 10/1/2024) and new mini-series",
    page: 7,
    section: "1.(a)(5)",
    printed:
      "new one-hour series in New York and New Jersey which began production on or after May 16, 2006 and in its 1st or 2nd season and for which principal photography of the 1st episode of the season commences on or after October 1, 2024, and new mini-series the 1st part of which commences principal photography on or after October 1, 2024",
  },
  {
    category: "new-one-hour-series-seasons-1-2-before-2024-10-01",
    short: "tv-one-hour-new-before-oct-2024",
    label: "television, new one-hour series, seasons 1-2 begun before 10/1/2024",
    page: 8,
    section: "1.(a)(5)",
    printed:
      "new one-hour series in New York and New Jersey which began production on or after May 16, 2006 and in its 1st or 2nd season and for which principal photography of the 1st episode of the season commences prior to October 1, 2024",
    repeats: L52_REPEATS(9),
  },
  {
    category: "new-one-hour-series-season-3-plus",
    short: "tv-one-hour-season-3",
    label: "television, new one-hour series, 3rd and later seasons",
    page: 9,
    section: "1.(a)(5)",
    printed:
      "new one-hour series in New York and New Jersey which began production on or after May 16, 2006 and in its 3rd or subsequent season",
  },
];

function local52TvSource(t: Local52TvCategory): Source {
  return {
    publisher: "AMPTP and IATSE Local 52",
    title: `2024-27 Local #52 Features and TV Production Contract Wage Scales, Part A, Section ${t.section}: minimum daily rates for employees working on ${t.printed} (doc 00322648.XLSX, printed 9/3/2024), p.${t.page}; columns 5/14/2023-9/28/2024, 9/29/2024-9/27/2025, 9/28/2025-10/3/2026 and 10/4/2026-9/30/2027`,
    docNumber: "00322648",
    section: `Part A, Section ${t.section}`,
    published: "2024-09-03",
    confidence: "high",
    note: `Read from shared/sources/Local_52_Wage_Rates_2024-27.txt (test/golden/incoming/local-52-2024-27.md); p.${t.page} is clean in the text and every figure was checked against it by position. The sheet prints no publisher: it is the wage-scale sheet of the Local 52 "Majors" contract with the AMPTP's producers (footer sheet name "2024-27 Majors_Theat & TV"). The first column (5/14/2023-9/28/2024) is the previous contract's rate as the sheet prints it; the 2024-27 terms start 9/29/2024. Day rates only: the sheet prints no hours, work rules or benefit contributions. A television category is chosen as its own agreement on the card ("Local 52 TV ..."): a New York line left to its default is priced on the theatrical schedule (Section 1.(a)(1), p.1).${t.repeats ? ` ${t.repeats}` : ""}`,
  };
}

function asaOtherAreaSource(table: string, page: string, extra: string): Source {
  return {
    title: `IATSE, 2024-27 IATSE Area Standards Agreement Wage Rates, pp.1-2 grade tables: ${table}, ${page} (doc 00317697.XLSX, printed 7/29/2024), 7/30/2023-8/3/2024, 8/4/2024-8/2/2025, 8/3/2025-8/1/2026 and 8/2/2026-7/31/2027`,
    published: "2024-07-29",
    confidence: "high",
    note: `Read from shared/sources/Area_Standards_Wage_Rates_2024-27.pdf (pdftotext -layout, checked cell by cell; test/golden/incoming/asa-2024-27.md). Hourly minimums by grade (Key, Second, Third, Utility) only: the book prints no craft table for this area and assigns no craft to a grade, and the card has no region of its own for it, so no role is priced on these figures (a role's grade here would be our inference, not the book's). They are on the card as printed, filed under Other US, the card's region for US places without one of their own; a crew there is priced on the Non-Maryland set unless a Rate Overrides line gives the grade figure.${extra}`,
  };
}

const DC_TV_NOTE =
  ' The Washington, D.C. television table is one table, not split into the two television categories: the card files it under both ("ASA TV Long-Form" and "ASA TV").';

/**
 * Books added in card 2026.4 (issue 13): the Local 52 television schedules, and the Area
 * Standards tables for Washington, D.C. and Maine, Massachusetts, New Hampshire, Rhode Island and
 * Vermont.
 */
export const BOOKS_2026_4: BookConfig[] = [
  ...LOCAL_52_TV.map((t): BookConfig => ({
    id: `iatse-52-${t.short}`,
    agreement: `local-52-${t.short}`,
    name: `IATSE Local 52 (New York / New Jersey) ${t.label}`,
    regions: ["new-york"],
    tiers: ["studio"],
    since: V4,
    csv: "incoming/local-52-2024-27.csv",
    incoming: { format: "local-52", category: t.category },
    source: local52TvSource(t),
  })),
  {
    id: "iatse-asa-dc",
    agreement: "asa",
    name: "IATSE Area Standards Agreement, Washington, D.C. theatrical (grade table)",
    regions: ["other-us"],
    tiers: ["studio"],
    since: V4,
    csv: "incoming/asa-2024-27.csv",
    incoming: { format: "asa", rateSet: "washington-dc", category: "theatrical" },
    source: asaOtherAreaSource("Washington, D.C. Theatrical Rates", "p.1", ""),
  },
  ...(
    [
      ["tv-long-form", "asa-tv-long-form"],
      ["tv-other", "asa-tv-other"],
    ] as const
  ).map(([short, agreement]): BookConfig => ({
    id: `iatse-asa-dc-${short}`,
    agreement,
    name: `IATSE Area Standards Agreement, Washington, D.C. television (grade table), filed under ${short === "tv-other" ? "All Other Television" : "Pilots, Long-Form and First Year of One-Hour Series"}`,
    regions: ["other-us"],
    tiers: ["studio"],
    since: V4,
    csv: "incoming/asa-2024-27.csv",
    incoming: { format: "asa", rateSet: "washington-dc", category: "television" },
    source: asaOtherAreaSource("Washington, D.C. Television Rates", "p.2", DC_TV_NOTE),
  })),
  {
    id: "iatse-asa-new-england",
    agreement: "asa",
    name: "IATSE Area Standards Agreement, Maine, Massachusetts, New Hampshire, Rhode Island and Vermont theatrical (grade table)",
    regions: ["other-us"],
    tiers: ["studio"],
    since: V4,
    csv: "incoming/asa-2024-27.csv",
    incoming: {
      format: "asa",
      rateSet: "maine-massachusetts-new-hampshire-rhode-island-and-vermont",
      category: "theatrical",
    },
    source: asaOtherAreaSource(
      "Maine, Massachusetts, New Hampshire, Rhode Island and Vermont Theatrical Rates",
      "p.2",
      ' Key is printed "per individual negotiation" in every period (no figure, not on the card). The same page\'s television table prints "Maryland rates" in every cell without saying which Maryland television category: it has no figure of its own and is not on the card (choose the Maryland region and an ASA TV agreement).',
    ),
  },
];

BOOKS.push(...BOOKS_2026_4);

const V5 = "2026.5";

const L600_SOURCE = {
  publisher: "AMPTP and IATSE Local 600",
  docNumber: "00310921",
  address: `${REPO}/extracted_text/Local_600_Camera/Local_600_2024-27_Wage_Schedules.txt`,
  published: "2024-08-03",
  confidence: "high",
} as const;

/**
 * Books added in card 2026.5: Local 600 camera crews hired under the Amendment Agreement outside
 * Los Angeles and New York. Schedule #22 covers the states outside "the Corridor" (the card's
 * Georgia, New Mexico and Other US); Maryland is in the Corridor, so Schedule #12 (already on the
 * card for New York) applies there too, as a book of its own so workbooks pinned to an earlier
 * card keep their Maryland lines.
 */
export const BOOKS_2026_5: BookConfig[] = [
  {
    id: "iatse-600-amendment-outside",
    agreement: "local-600-amendment",
    name: 'IATSE Local 600 Amendment Agreement (outside "the Corridor") Schedule #22',
    regions: ["georgia", "new-mexico", "other-us"],
    tiers: ["studio"],
    since: V5,
    csv: "iatse-600-amendment-outside.csv",
    source: {
      ...L600_SOURCE,
      title:
        '2024-27 Local #600 Wage Schedules, Wage Schedule #22: Amendment Agreement studio minimum rates outside "the Corridor" (outside CT, DE, MD, MA, NJ, NY, RI, PA and Washington D.C.) (doc 00310921.XLSX, printed 8/3/2024), pp.100-103',
      note: "Read from shared/sources/Local_600_2024-27_Wage_Schedules.txt. For motion pictures other than one-half hour prime time dramatic television recorded digitally. Schedule D-1: daily employees, 8-hour minimum call, 1-1/2 after 8 (the assistants and technician: after 8 and/or 40); Schedule E-1: weekly employees, 5 consecutive days, 43.2 hours (still photographers 40; the DIT, video controller and camera utility 40, 1-1/2 after 40; the assistants' printed week is their hourly rate × 44.8 pay hours). Digital imaging technician, video controller, camera utility and digital utility apply only to television recorded digitally (p.100 footnote **). Every figure equals Schedule #1's (West Coast) Schedule A and B columns for the same period (checked). The card applies it in Georgia, New Mexico and Other US.",
    },
  },
  {
    id: "iatse-600-amendment-md",
    agreement: "local-600-amendment",
    name: 'IATSE Local 600 Amendment Agreement ("the Corridor", Maryland) Schedule #12',
    regions: ["maryland"],
    tiers: ["studio"],
    since: V5,
    csv: "iatse-600-amendment.csv",
    source: {
      ...L600_SOURCE,
      title:
        '2024-27 Local #600 Wage Schedules, Wage Schedule #12: Amendment Agreement studio minimum rates, CT, DE, MD, MA, NJ, NY, RI, PA and Washington D.C. ("the Corridor") (doc 00310921.XLSX, printed 8/3/2024), pp.60-63',
      note: "Read from shared/sources/Local_600_2024-27_Wage_Schedules.txt. The same schedule as the New York book iatse-600-amendment, applied in the card's Maryland region (Maryland is in the Corridor). For motion pictures other than long-form TV, pilots, 1st and 2nd seasons of one-hour series and low/mid-budget SVOD, AVOD and FAST programs. Schedule D: daily employees, 8 hours, 1-1/2 after 8; Schedule E: weekly employees, weekly guarantee 5 consecutive days, 40 hours.",
    },
  },
  {
    id: "iatse-600-amendment-one-hour",
    agreement: "local-600-amendment-one-hour",
    name: 'IATSE Local 600 Amendment Agreement ("the Corridor") Schedule #13, pilots and one-hour series',
    regions: ["new-york", "maryland"],
    tiers: ["studio"],
    since: V5,
    csv: "iatse-600-amendment-one-hour.csv",
    source: {
      ...L600_SOURCE,
      title:
        '2024-27 Local #600 Wage Schedules, Wage Schedule #13: Amendment Agreement minimum rates in "the Corridor" (CT, DE, MD, MA, NJ, NY, RI, PA and Washington D.C.) on pilots and the 1st and 2nd seasons of one-hour series commencing principal photography on or after 8/4/2024, rates reduced by 3% (doc 00310921.XLSX, printed 8/3/2024), pp.64-67',
      note: 'Read from shared/sources/Local_600_2024-27_Wage_Schedules.txt. "Pilot and One-Hour Rates [3% Reduction Effective 8/4/24]": a daily and a weekly figure per classification, no hourly figure and no hours printed; the card takes the day as 8 hours and the week as 40, as Schedule #12 (pp.60-63) prints for the same employees. As printed, its figures are 2% to 10% below those of Schedule #12 for the same period, not a uniform 3% (checked; transcribed as they are). Also for one-hour mini-series begun on or after 8/4/2024 (table of contents, p.7). An agreement a producer names for a line ("Local 600 One-Hour"): a line left to its default keeps Schedule #12.',
    },
  },
  {
    id: "iatse-600-amendment-outside-one-hour",
    agreement: "local-600-amendment-one-hour",
    name: 'IATSE Local 600 Amendment Agreement (outside "the Corridor") Schedule #23, pilots and one-hour series',
    regions: ["georgia", "new-mexico", "other-us"],
    tiers: ["studio"],
    since: V5,
    csv: "iatse-600-amendment-outside-one-hour.csv",
    source: {
      ...L600_SOURCE,
      title:
        '2024-27 Local #600 Wage Schedules, Wage Schedule #23: Amendment Agreement minimum rates outside "the Corridor" on pilots and the 1st and 2nd seasons of one-hour series commencing principal photography on or after 8/4/2024, rates reduced by 3% (doc 00310921.XLSX, printed 8/3/2024), pp.104-107',
      note: 'Read from shared/sources/Local_600_2024-27_Wage_Schedules.txt. "Pilot and One-Hour Rates [3% Reduction Effective 8/4/24]": daily, hourly, weekly and hourly columns; the card takes the day as 8 hours and the week as Schedule #22\'s 43.2 (still photographers 40; the assistants\' and technician\'s printed week is their hourly rate × 44.8 pay hours, as on Schedule #22). Also for one-hour mini-series begun on or after 8/4/2024 (table of contents, p.12). An agreement a producer names for a line ("Local 600 One-Hour"): a line left to its default keeps Schedule #22.',
    },
  },
];

BOOKS.push(...BOOKS_2026_5);

const V6 = "2026.6";

/** Where the 2024 IATSE MOA sets the terms of the new-series schedules (Exhibit "C", p.61). */
const NEW_SERIES_TERMS =
  "The 2024 IATSE Memorandum of Agreement (doc 00317375), item 4(a) and Exhibit \"C\" (p.61 of 71): half-hour and one-hour pilots and one-hour episodic series for network and pay TV produced in Los Angeles, and for HB SVOD, HB AVOD and HB FAST Channel wherever produced, with principal photography on or after 8/4/2024, are paid the local agreement's rates reduced by 3% in the pilot and seasons 1 and 2 (the agreement's rates from season 3)";

const LAG_CHECKED =
  "From 8/4/2024 every hourly figure, and every day or week printed without one, is Schedule #1's × 0.97 rounded to the cent; a day or week printed with an hourly figure is that reduced hourly × Schedule #1's pay hours, within 28 cents of Schedule #1's × 0.97 (checked). The first period's figures (8/1/2024-8/3/2024, before any production the schedule covers can begin) are, as printed, the previous year's rates rather than a 3% reduction.";

/** One Basic Agreement local's Schedule #2 (or its 3% column), and what the card says of it. */
interface NewSeriesBook {
  local: string;
  name: string;
  csv: string;
  source: Omit<Source, "note">;
  note: string;
  /** How its figures compare with the local's studio schedule (checked when transcribed). */
  checked: string;
  derive?: Derivation[];
}

/**
 * The West Coast locals' "rates reduced by 3%" schedules, each on the card twice: under the
 * pilots-and-season-1 agreement (no vacation or unworked holiday pay) and the season-2 agreement
 * (half of each), since the MOA's fringe terms differ by season while the wage schedule does not.
 */
const NEW_SERIES_BOOKS: NewSeriesBook[] = [
  {
    local: "600",
    name: "IATSE Local 600 (Cinematographers Guild, West Coast) Schedule #2",
    csv: "iatse-600-one-hour.csv",
    source: {
      ...L600_SOURCE,
      title:
        "2024-27 Local #600 Wage Schedules, Wage Schedule #2: studio minimum rates for motion pictures other than one-half hour prime time dramatic television recorded digitally, rates reduced by 3% effective 8/4/2024 (doc 00310921.XLSX, printed 8/3/2024), pp.20-23",
    },
    checked: LAG_CHECKED,
    note: "The same columns as Schedule #1 (pp.16-19): Schedules A, A-1, A-2 daily, B, B-1, B-2 weekly, C and C-1 four-week guarantees. Table of contents (p.1): one-hour pilots and the 1st or 2nd season of one-hour series other than for basic cable (the 2nd or 3rd season for basic cable), and one-hour mini-series, begun on or after 8/4/2024.",
  },
  {
    local: "80",
    name: "IATSE Local 80 (Studio Grips) Schedule #2",
    csv: "iatse-80-one-hour.csv",
    source: {
      publisher: "AMPTP and IATSE Local 80",
      title:
        "2024-27 Local #80 Studio Grips Wage Schedules, Wage Schedule #2: rates reduced by 3% effective 8/4/2024 (doc 00314216.XLSX, printed 8/13/2024), pp.16-23",
      docNumber: "00314216",
      address: `${REPO}/extracted_text/Local_80_Grips/Local_80_2024-27_Wage_Schedules.txt`,
      published: "2024-08-13",
      confidence: "high",
    },
    checked: LAG_CHECKED,
    note: 'The same columns as Schedule #1 (pp.8-15). The pages\' running header reads "2021-24 Local #80 Wage Schedules" (a misprint: the footers read "2024-27 Schedule 2"). Footnote 3\'s aerial-lift adjustment of the grip rate is not on the card, as on Schedule #1.',
  },
  {
    local: "80 First Aid",
    name: "IATSE Local 80 First Aid Employees Schedule #2",
    csv: "iatse-80-first-aid-one-hour.csv",
    source: {
      publisher: "AMPTP and IATSE Local 80",
      title:
        "2024-27 Local #80 First Aid Employees Wage Schedules, Wage Schedule #2: rates reduced by 3% effective 8/4/2024 (doc 00314215.XLSX, printed 8/13/2024), pp.12-15",
      docNumber: "00314215",
      published: "2024-08-13",
      confidence: "high",
    },
    checked: LAG_CHECKED,
    note: "Read from shared/sources/Local_80_First_Aid_Wage_Rates.txt. Schedule A daily and Schedule B-1 weekly (43.2 cumulative hours; the week is 44.8 pay hours of the B-1 hourly rate), as on Schedule #1 (pp.8-11).",
  },
  {
    local: "44",
    name: "IATSE Local 44 (Affiliated Property Craftspersons) Schedule #2",
    csv: "iatse-44-one-hour.csv",
    source: {
      publisher: "AMPTP and IATSE Local 44",
      title:
        "2024-27 Local #44 Wage Schedules, Wage Schedule #2: rates reduced by 3% effective 8/4/2024 (doc 00314214.XLSX, printed 8/13/2024), pp.14-19",
      docNumber: "00314214",
      address: `${REPO}/extracted_text/Local_44_Props/Local_44_2024-27_Wage_Schedules.txt`,
      published: "2024-08",
      confidence: "high",
    },
    checked: LAG_CHECKED,
    note: 'The same classes as Schedule #1, footnote classes included (footnotes p.15 for the first period, whose footnote rates run 7/30/2023-8/3/2024, and p.19 for 2024-27), filed as on Schedule #1. Page 17 prints its period bracket where the other pages print "[3% Reduction Effective 8/4/24]"; its figures are the reduced ones.',
  },
  {
    local: "728",
    name: "IATSE Local 728 (Studio Electrical Lighting Technicians) Basic Agreement rates reduced by 3%",
    csv: "iatse-728-one-hour.csv",
    source: {
      publisher: "IATSE Local 728",
      title:
        'IATSE Local 728 rate card, Basic Agreement "Studio Minimum Rates 3% Reduction" column, 8/4/24-8/2/25',
      address: `${REPO}/extracted_text/Local_728_Lighting/Local_728_2024_Rate_Card.txt`,
      published: "2024",
      confidence: "medium-high",
    },
    checked:
      "Every hourly figure, and the on-call week printed without one, is the studio minimum's × 0.97 rounded to the cent; each 54-hour week is that hourly × 61 pay hours (checked).",
    note: "A garbled two-page layout: each classification prints three Basic Agreement figures, the studio minimum (on the card as iatse-728), the 3% reduction and the one-year lag; the middle one is read here, and each equals the studio minimum × 0.97 to the cent (the CLT's overprinted weekly guarantee lines read apart: $58.01 an hour for 54 hours, $3,538.61 a week, as 5421 Chief Rigging Tech). The card does not say which productions the column is for: the card applies it as the MOA does to every West Coast local.",
    derive: [
      {
        fromPeriod: "2024-08-04",
        from: "2025-08-03",
        to: "2026-08-01",
        factor: 1.04,
        method:
          "the Basic Agreement general wage increase of 4% (8/3/2025, 2024 IATSE MOA §2) applied to the printed 3%-reduced 8/4/2024 hourly rate and rounded to the cent; weekly = that hourly × the same pay hours as the printed week",
      },
      {
        fromPeriod: "2025-08-03",
        from: "2026-08-02",
        to: "2027-07-31",
        factor: 1.035,
        method:
          "the Basic Agreement general wage increase of 3.5% (8/2/2026, 2024 IATSE MOA §2) applied to the derived 8/3/2025 hourly rate and rounded to the cent; weekly = that hourly × the same pay hours as the printed week",
      },
    ],
  },
  {
    local: "800",
    name: "IATSE Local 800 (Art Directors Guild) Schedule #2",
    csv: "iatse-800-one-hour.csv",
    source: {
      publisher: "AMPTP and IATSE Local 800",
      title:
        "2024-27 Local #800 Wage Schedules, Wage Schedule #2: studio minimum rates reduced by 3% (doc 00310923.XLSX, printed 8/13/2024), pp.8-11",
      docNumber: "00310923",
      address: `${REPO}/extracted_text/Local_800_Art_Directors/Local_800_2024-27_Wage_Schedules.txt`,
      published: "2024-08-13",
      confidence: "high",
    },
    checked:
      "Every weekly figure from 8/4/2024 is Schedule #1's × 0.97 to the cent (checked); the first period's (8/1/2024-8/3/2024, before any production the schedule covers can begin) are, as printed, the previous year's rates.",
    note: "Schedule C on-call weekly, as Schedule #1 (pp.4-7). Table of contents (p.2): one-hour and one-half hour pilots, the 1st or 2nd season of episodic series other than multi-camera half-hour series (2nd or 3rd season for basic cable) and mini-series, for network prime time or pay TV committed to Los Angeles and for HB SVOD, HB AVOD and HB FAST Channel anywhere, begun on or after 8/4/2024.",
  },
];

const SEASONS = [
  {
    agreement: "iatse-one-hour",
    suffix: "one-hour",
    what: "pilots and season 1",
    fringes: 'no vacation or unworked holiday pay (Exhibit "C" items 4 and 5)',
  },
  {
    agreement: "iatse-one-hour-season-2",
    suffix: "one-hour-s2",
    what: "season 2",
    fringes: 'half the vacation and unworked holiday pay (Exhibit "C" items 4 and 5)',
  },
] as const;

/**
 * Books added in card 2026.6: the Basic Agreement's pilots and new one-hour series in Los
 * Angeles, each local's 3%-reduced schedule under two agreements a line names.
 */
export const BOOKS_2026_6: BookConfig[] = SEASONS.flatMap((season) =>
  NEW_SERIES_BOOKS.map((book): BookConfig => {
    const id = `${book.csv.replace(/-one-hour\.csv$/, "")}-${season.suffix}`;
    return {
      id,
      agreement: season.agreement,
      name: `${book.name}, ${season.what} of new series`,
      regions: ["los-angeles"],
      tiers: ["studio"],
      since: V6,
      csv: book.csv,
      source: {
        ...book.source,
        note: `${book.note} ${NEW_SERIES_TERMS}; in the ${season.what}, ${season.fringes}. ${book.checked} An agreement a producer names for a line; a line left to its default keeps the studio schedule.`,
      },
      ...(book.derive ? { derive: book.derive } : {}),
    };
  }),
);

BOOKS.push(...BOOKS_2026_6);
