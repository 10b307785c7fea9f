/**
 * The Settings sheet's production tables cell (`=CREW.TABLES(...)`) holds both tables as one text,
 * and Excel keeps at most 32,767 characters in a cell. The pane checks a change with the same
 * serializer the sheet uses (`productionToken`), so it refuses what the sheet would refuse and never
 * prices with tables the sheet cannot hold.
 */
import { productionToken, RateError, type ProductionTables } from "../engine";
import { OVERRIDES_SHEET, ROLES_SHEET } from "./layout";

/** Excel's longest cell text; `CREW.TABLES` refuses a longer production tables text. */
export const MAX_CELL_TEXT = 32_767;

/** How many characters the production tables cell would hold for these tables. */
export function tablesCellLength(tables: ProductionTables): number {
  return productionToken(tables).length;
}

/**
 * Why the tables do not fit in the production tables cell, as the sheet would say it, or undefined.
 * Names the table that holds most of the text, since that is where shortening helps.
 */
export function tablesCellProblem(tables: ProductionTables): RateError | undefined {
  const length = tablesCellLength(tables);
  if (length <= MAX_CELL_TEXT) return undefined;
  const rolesLength = productionToken({ overrides: [], roles: tables.roles }).length;
  const overridesLength = productionToken({ overrides: tables.overrides, roles: [] }).length;
  return new RateError("BAD_TABLE", {
    table: rolesLength >= overridesLength ? ROLES_SHEET : OVERRIDES_SHEET,
    reason: `the production tables are too long for one cell (${length.toLocaleString("en-US")} of ${MAX_CELL_TEXT.toLocaleString("en-US")} characters): shorten notes and descriptions, or clear lines you no longer need`,
  });
}
