import { readFileSync } from "node:fs";
import { engine } from "../data";
import { runCli } from "./crew";

process.exitCode = runCli(engine, process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, "utf8"),
});
