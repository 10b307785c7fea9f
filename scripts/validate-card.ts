/** `npm run validate:card`: checks the card and writes the JSON Schemas its files name. */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  cardMetaSchema,
  fringeFileSchema,
  roleFileSchema,
  scaleBookSchema,
} from "../src/engine/cardSchema";
import meta from "../src/data/card-meta.json";
import fringes from "../src/data/fringes.json";
import { rateCard, roleFiles, scaleBooks } from "../src/data";
import { checkCardFiles } from "./cardChecks";

const schemaDir = fileURLToPath(new URL("../src/data/schema/", import.meta.url));
mkdirSync(schemaDir, { recursive: true });
const schemas = {
  "card-meta": cardMetaSchema,
  fringes: fringeFileSchema,
  "role-file": roleFileSchema,
  "scale-book": scaleBookSchema,
};
for (const [name, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  writeFileSync(`${schemaDir}${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`);
}

const problems = checkCardFiles({ meta, fringes, roleFiles, scaleBooks }, rateCard);
if (problems.length) {
  console.error(`The rate card has ${problems.length} problem(s):`);
  for (const p of problems.slice(0, 50)) console.error(`- ${p}`);
  process.exit(1);
}
const published = rateCard.scales.reduce(
  (n, b) =>
    n +
    b.classifications.reduce(
      (m, c) =>
        m +
        c.schedules.reduce((k, s) => k + s.rates.filter((r) => r.kind === "published").length, 0),
      0,
    ),
  0,
);
console.log(
  `Rate card ${rateCard.meta.version}: ${rateCard.roles.length} roles in ${rateCard.departments.length} departments, ${rateCard.scales.length} scale books (${published} published schedule periods), ${rateCard.fringes.length} fringes: OK`,
);
