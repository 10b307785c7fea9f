/**
 * A budget workbook brings CrewRate along: for collaborators who have the add-in, it loads with the
 * document (the shared runtime, so CREW formulas calculate at once) and opens its task pane. Both
 * are document settings Office keeps in the file; where a platform or a store listing ignores them
 * the workbook still works, so failures here are reported, never fatal (see README, "Sharing").
 */

/** The two document-level switches, as Office exposes them; tests pass a fake. */
export interface StartupHost {
  /** Office.addin.setStartupBehavior(load): the runtime starts when this document opens. */
  loadWithDocument(): Promise<void>;
  /** Whether the document already asks Office to open the pane when it opens. */
  opensPane(): boolean;
  /** Sets Office.AutoShowTaskpaneWithDocument in the document's settings and saves them. */
  openPaneWithDocument(): Promise<void>;
}

export const AUTO_SHOW_SETTING = "Office.AutoShowTaskpaneWithDocument";

/** The real switches, inside Office. */
export function officeStartupHost(): StartupHost {
  return {
    loadWithDocument: () => Office.addin.setStartupBehavior(Office.StartupBehavior.load),
    opensPane: () => Office.context.document.settings.get(AUTO_SHOW_SETTING) === true,
    openPaneWithDocument: () =>
      new Promise<void>((resolve, reject) => {
        Office.context.document.settings.set(AUTO_SHOW_SETTING, true);
        Office.context.document.settings.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(new Error(result.error.message));
        });
      }),
  };
}

/**
 * Turns both switches on (the pane setting only when it is not on yet, so opening the pane does
 * not mark the document changed each time).
 * @returns what could not be set, in words; empty when both are on
 */
export async function bringAddinAlong(host: StartupHost): Promise<string[]> {
  const problems: string[] = [];
  try {
    await host.loadWithDocument();
  } catch (e) {
    problems.push(`loading with the document: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (!host.opensPane()) await host.openPaneWithDocument();
  } catch (e) {
    problems.push(
      `opening the pane with the document: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return problems;
}
