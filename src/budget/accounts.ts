/**
 * The chart of accounts a budget is ordered by: account numbers in the Movie Magic feature-film
 * form's convention (1100 Story through 7900 Fringe Benefits), grouped above the line, below the
 * line (production), post production and other, as a studio topsheet reads. The numbering and the
 * group boundaries are the form's (RATE-SOURCES.md §7); the names are the form's where it has the
 * account, else the card's department names.
 */

export type AccountGroup = "above" | "production" | "post" | "other";

/** The topsheet's groups, in order, with the label each group's header and total carry. */
export const ACCOUNT_GROUPS: readonly { group: AccountGroup; label: string }[] = [
  { group: "above", label: "Above the line" },
  { group: "production", label: "Below the line: production" },
  { group: "post", label: "Post production" },
  { group: "other", label: "Other" },
];

/** Account names as the feature-film form prints them, for the accounts it has. */
const FORM_NAMES: Readonly<Record<string, string>> = {
  "1100": "Story and Other Rights",
  "1200": "Producer",
  "1300": "Director",
  "1400": "Cast",
  "1500": "Travel and Living",
  "1600": "Miscellaneous",
  "2000": "Production Staff",
  "2100": "Extra Talent",
  "2200": "Art Direction",
  "2300": "Set Construction",
  "2400": "Set Striking",
  "2500": "Set Operations",
  "2600": "Special Effects",
  "2700": "Set Dressing",
  "2800": "Property",
  "2900": "Wardrobe",
  "3100": "Makeup and Hairdressing",
  "3200": "Electrical, Rigging and Operations",
  "3300": "Camera Operations",
  "3400": "Sound Operations",
  "3500": "Transportation",
  "3600": "Location",
  "3700": "Production Film and Lab",
  "3800": "Stage Facilities",
  "4000": "Second Unit",
  "4100": "Tests",
  "5000": "Editing",
  "5100": "Music",
  "5200": "Post Production Sound",
  "5300": "Post Production Film and Lab",
  "5400": "Main and End Titles",
  "6500": "Publicity",
  "6700": "Insurance",
  "6800": "General Overhead",
  "7500": "Fees, Charges and Misc.",
};

/** The group an account falls in: 1000s above the line, 2000–4999 production, 5000s post. */
export function accountGroup(account: string): AccountGroup {
  const n = accountNumber(account);
  if (n < 2000) return "above";
  if (n < 5000) return "production";
  if (n < 6000) return "post";
  return "other";
}

/** An account's number for ordering: "2200" → 2200; anything else after every numbered account. */
export function accountNumber(account: string): number {
  const text = account.trim();
  return /^\d+$/.test(text) ? Number(text) : Number.MAX_SAFE_INTEGER;
}

/** Chart order: by number, then as text (for accounts that are not numbers). */
export function compareAccounts(a: string, b: string): number {
  return accountNumber(a) - accountNumber(b) || a.localeCompare(b);
}

export interface ChartAccount {
  account: string;
  name: string;
  group: AccountGroup;
}

/**
 * The accounts a topsheet lists, in chart order: each account the card's departments use, named
 * as the form names it (or by its departments, joined, where the form has no such account).
 */
export function chartAccounts(
  departments: readonly { name: string; account: string }[],
): ChartAccount[] {
  const byAccount = new Map<string, string[]>();
  for (const d of departments) {
    const names = byAccount.get(d.account) ?? [];
    if (!names.includes(d.name)) names.push(d.name);
    byAccount.set(d.account, names);
  }
  return [...byAccount.keys()].sort(compareAccounts).map((account) => ({
    account,
    name: FORM_NAMES[account] ?? (byAccount.get(account) ?? []).join(", "),
    group: accountGroup(account),
  }));
}

/**
 * The chart account a line's account rolls up to: a four-digit detail account to its hundred
 * ("3304" → "3300"), as the topsheet lists them; anything else stands for itself.
 */
export function majorAccount(account: string): string {
  const text = account.trim();
  return /^\d{4}$/.test(text) ? `${text.slice(0, 2)}00` : text;
}
