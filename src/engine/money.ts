/**
 * Money is integer cents from the card to the quote. Rounding happens here only, by one rule:
 * half away from zero to the cent (what payroll services and the wage-schedule books do: the
 * books' weekly figures are hourly × hours rounded this way). Amounts are never negative, so this
 * is "half up". Fractions of a cent arise only from multiplying by a quantity, a premium or a
 * percentage, and each such product is rounded once, where it is made.
 */
export function roundCents(exactCents: number): number {
  // Adding a tiny epsilon keeps x.5 products that floating point stores as x.4999999 rounding up.
  return Math.round(exactCents + Math.sign(exactCents) * 1e-7);
}

/** Dollars (as typed) to cents. */
export function dollarsToCents(dollars: number): number {
  return roundCents(dollars * 100);
}

/** A percentage of an amount, rounded to the cent: 620 bps (6.2%) of $1,000.00 is $62.00. */
export function applyPercentBps(cents: number, percentBps: number): number {
  return roundCents((cents * percentBps) / 10000);
}

/** Cents to dollars as a number, for spreadsheets and JSON. */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$1,234.56" */
export function formatUsd(cents: number): string {
  return usd.format(cents / 100);
}

/** 620 bps → "6.2%"; 458.3 → "4.583%". */
export function formatBps(bps: number): string {
  return `${Number((bps / 100).toFixed(4))}%`;
}
