#!/usr/bin/env node
// The `crew` command: runs the TypeScript CLI through tsx, so it works right after `npm install`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
