/**
 * Defaults every surface shares, so a typed formula, the pane and an inserted line price the same
 * way out of the box.
 */

/**
 * Hours worked a day when a request does not say: a 12-hour shoot day, as crews are budgeted (and
 * as Movie Magic's "Day" unit assumes). The Settings sheet's Hours per day starts here too; the
 * engine itself, given no hours, prices a scale's guaranteed call.
 */
export const DEFAULT_HOURS_PER_DAY = 12;
