/** Types for serve.mjs (plain ESM so `npm run serve:dist` needs no build step). */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}
export function serveStatic(options?: {
  dir?: string;
  port?: number;
  host?: string;
}): Promise<StaticServer>;
