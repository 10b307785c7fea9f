/** Excel.run's batch form; `Excel.run` itself fits, and tests pass an office-addin-mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
