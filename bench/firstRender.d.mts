/** Types for firstRender.mjs (plain ESM, shared by the bench and the end-to-end tests). */
import type { Browser } from "playwright-core";

export const CHROMIUM_ARGS: string[];
export function launchChromium(
  executablePath: string,
): Promise<{ browser: Browser; close: () => Promise<void> }>;
export function measureFirstRender(options: {
  dist: string;
  chromium: string;
  runs?: number;
}): Promise<number>;
