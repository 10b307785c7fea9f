/**
 * The wage-schedule books on the card: what each golden CSV under test/golden/ transcribes, and
 * where the original is. `npm run data:import` turns each CSV into src/data/scales/<id>.json.
 * Adding a new period = adding its rows to the CSV and running the import.
 */
import type { Source } from "../src/engine/types";

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

export interface BookConfig {
  id: string;
  agreement: string;
  name: string;
  regions: string[];
  csv: string;
  source: Source;
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
      title: "2024-27 Local #600 Wage Schedules, Schedule #1 (doc 00310921, printed 8/3/2024)",
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
      title:
        "2024-27 Local #700 (Majors) Wage Schedules, Schedule #1 (doc 00314220, printed 8/2/2024)",
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
      title:
        "2024-27 Local #80 Studio Grips Wage Schedules, Schedule #1 (doc 00314216, printed 8/13/2024)",
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
      title: "2024-27 Local #44 Wage Schedules, Schedule #1",
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
      title: "IATSE Local 728 rate card, Basic Agreement studio minimum rates 8/4/24-8/2/25",
      address: `${REPO}/extracted_text/Local_728_Lighting/Local_728_2024_Rate_Card.txt`,
      published: "2024",
      confidence: "medium-high",
      note: "A garbled two-page layout; only unambiguous lines are transcribed. Figures agree with the matching Local 80 classifications to the cent.",
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
      title:
        "2024-27 Local #399 Wage Schedules, studio minimum rates (doc 00320233, printed 9/23/2024)",
      address: `${REPO}/extracted_text/Teamsters_399/Teamsters_399_2024-27_Wage_Schedules.txt`,
      published: "2024-09-23",
      confidence: "high",
    },
  },
  {
    id: "dga",
    agreement: "dga",
    name: "DGA Basic Agreement UPM and AD minimum salaries (studio)",
    regions: ["*"],
    csv: "dga.csv",
    source: {
      title:
        "DGA rate card 2023-2024, AD/UPM general rates, p.11 (as extracted in DGARates2023thru2024pg11ADUPMGeneralRates240213.sql; labels corrected per RATE-SOURCES §2)",
      address:
        "https://github.com/7777tbone7777/ai-budget-system/blob/bee6b1352ab5b8fc4603029f6b61824a4beac183/database/guild_agreements/DGARates2023thru2024pg11ADUPMGeneralRates240213.sql",
      published: "2024-02-13",
      confidence: "medium-high",
    },
    periodSources: {
      "2025-07-01": {
        title:
          "EP Paymaster 2025-2026 (Nov 2025 ed.), DGA minimums, as transcribed in paymaster_2025_rates.py",
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
          "the 2023-24 studio minimum × 1.04 (the DGA 2023 Basic Agreement's 4% increase of 7/1/2024), rounded to the dollar; the 2024-25 rate card itself was not in our sources",
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
