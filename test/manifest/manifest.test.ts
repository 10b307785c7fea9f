// The add-in manifest: the real one passes our structural check and Microsoft's XSDs (read from
// ../shared/manifest-xsd when it is beside the repository); manifests broken on purpose fail.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  DEV_BASE_URL,
  TOP_LEVEL_ORDER,
  checkStructure,
  checkXsd,
  findXsdDir,
  parseXml,
  readPngSize,
  validateManifest,
} from "../../scripts/manifest";

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const manifest = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
const xsdDir = findXsdDir(repoRoot);

/** The real manifest with one exact piece replaced; fails loudly if the piece is not there. */
function broken(from: string, to: string): string {
  expect(manifest, `manifest.xml should contain ${JSON.stringify(from)}`).toContain(from);
  return manifest.replace(from, to);
}

const PERMISSIONS = "  <Permissions>ReadWriteDocument</Permissions>\n";
const outOfOrder = broken(PERMISSIONS, "").replace(
  "  <DefaultSettings>",
  `${PERMISSIONS}  <DefaultSettings>`,
);

describe("the real manifest", () => {
  it("passes the structural check and the XSDs", async () => {
    expect(checkStructure(manifest, { repoRoot })).toEqual([]);
    expect(await validateManifest(manifest, { repoRoot, xsdDir })).toEqual([]);
  });

  it.runIf(xsdDir !== null)("is valid against OfficeAppManifestV1_1.xsd", async () => {
    expect(await checkXsd(manifest, xsdDir ?? "")).toEqual([]);
  });

  it("declares the shared runtime, the CREW namespace and our origin only", () => {
    const root = parseXml(manifest);
    expect(root.local).toBe("OfficeApp");
    expect(root.children.map((c) => c.local)).toEqual(TOP_LEVEL_ORDER);
    expect(root.attrs.get("xmlns:xsi")).toBe("http://www.w3.org/2001/XMLSchema-instance");
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="CREW"\/>/);
    const urls = [...manifest.matchAll(/"(\w+:\/\/[^"]+)"/g)]
      .map((m) => m[1] ?? "")
      .filter(
        (u) =>
          !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"),
      );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(`${DEV_BASE_URL}/`)).toBe(true);
  });

  it("still passes once the build swaps the dev origin for the production base URL", () => {
    const production = manifest.replaceAll(DEV_BASE_URL, "https://crewrate.example.com/addin");
    expect(
      checkStructure(production, { repoRoot, baseUrl: "https://crewrate.example.com/addin" }),
    ).toEqual([]);
    // ...and the dev check catches a manifest that still (or wrongly) points elsewhere.
    expect(checkStructure(production, { repoRoot }).join("\n")).toMatch(
      /outside our base URL https:\/\/localhost:3000/,
    );
  });

  it("has icons in assets/ whose size matches their name", () => {
    const icons = readdirSync(join(repoRoot, "assets")).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.sort()).toEqual(
      ["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"].sort(),
    );
    for (const icon of icons) {
      const size = Number(/\d+/.exec(icon)?.[0]);
      expect(readPngSize(join(repoRoot, "assets", icon))).toEqual({ width: size, height: size });
    }
  });
});

describe("broken manifests fail with the expected problem", () => {
  const problemsOf = (xml: string): string => checkStructure(xml, { repoRoot }).join("\n");

  it("missing <Namespace>", () => {
    const xml = broken('            <Namespace resid="Functions.Namespace"/>\n', "");
    expect(problemsOf(xml)).toMatch(/missing <Namespace> in the CustomFunctions extension point/);
  });

  it("a namespace other than CREW", () => {
    const xml = broken(
      '<bt:String id="Functions.Namespace" DefaultValue="CREW"/>',
      '<bt:String id="Functions.Namespace" DefaultValue="CREWRATE"/>',
    );
    expect(problemsOf(xml)).toMatch(
      /namespace "Functions.Namespace" is "CREWRATE", expected "CREW"/,
    );
  });

  it("Runtime and CustomFunctions Page on different resids", () => {
    const xml = broken(
      '<Runtime resid="Taskpane.Url" lifetime="long"/>',
      '<Runtime resid="Functions.Script.Url" lifetime="long"/>',
    );
    const problems = problemsOf(xml);
    expect(problems).toMatch(
      /shared runtime: the CustomFunctions <Page> resid "Taskpane.Url" must equal the <Runtime> resid "Functions.Script.Url"/,
    );
    expect(problems).toMatch(/shared runtime: <FunctionFile> resid "Taskpane.Url" must equal/);
  });

  it("a short-lived runtime", () => {
    const xml = broken('lifetime="long"', 'lifetime="short"');
    expect(problemsOf(xml)).toMatch(/<Runtime> must have lifetime="long"/);
  });

  it("an http URL", () => {
    const xml = broken(
      '"https://localhost:3000/functions.js"',
      '"http://localhost:3000/functions.js"',
    );
    expect(problemsOf(xml)).toMatch(/URL "http:\/\/localhost:3000\/functions.js" must use https/);
  });

  it("an https xsi namespace", () => {
    const xml = broken(
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      'xmlns:xsi="https://www.w3.org/2001/XMLSchema-instance"',
    );
    expect(problemsOf(xml)).toMatch(
      /xmlns:xsi must be "http:\/\/www.w3.org\/2001\/XMLSchema-instance"/,
    );
  });

  it("an undefined resid", () => {
    const xml = broken(
      '<Namespace resid="Functions.Namespace"/>',
      '<Namespace resid="Functions.Nmespace"/>',
    );
    expect(problemsOf(xml)).toMatch(
      /resid "Functions.Nmespace" on <Namespace> is not defined in <Resources>/,
    );
  });

  it("a resid of the wrong kind", () => {
    const xml = broken('<Label resid="CommandsGroup.Label"/>', '<Label resid="Taskpane.Url"/>');
    expect(problemsOf(xml)).toMatch(
      /resid "Taskpane.Url" on <Label> must be a bt:ShortStrings entry \(it is in bt:Urls\)/,
    );
  });

  it("wrong Permissions", () => {
    const xml = broken(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadDocument</Permissions>",
    );
    expect(problemsOf(xml)).toMatch(
      /<Permissions> must be ReadWriteDocument, found "ReadDocument"/,
    );
  });

  it("a foreign AppDomain", () => {
    const xml = broken(
      "<AppDomain>https://localhost:3000</AppDomain>",
      "<AppDomain>https://cdn.example.com</AppDomain>",
    );
    expect(problemsOf(xml)).toMatch(/<AppDomain> "https:\/\/cdn.example.com" is not our origin/);
  });

  it("a ribbon icon list without its 80 px image", () => {
    const xml = broken('                  <bt:Image size="80" resid="Icon.80x80"/>\n', "");
    expect(problemsOf(xml)).toMatch(/<Icon> of <Group> lacks the 80 px image/);
  });

  it("an icon file that does not exist", () => {
    const xml = broken(
      '"https://localhost:3000/assets/icon-80.png"',
      '"https://localhost:3000/assets/icon-96.png"',
    );
    expect(problemsOf(xml)).toMatch(
      /icon https:\/\/localhost:3000\/assets\/icon-96.png: assets\/icon-96.png does not exist/,
    );
  });

  it("an icon of the wrong size", () => {
    const fakeRoot = mkdtempSync(join(tmpdir(), "crewrate-manifest-"));
    try {
      mkdirSync(join(fakeRoot, "assets"));
      for (const f of readdirSync(join(repoRoot, "assets")))
        copyFileSync(join(repoRoot, "assets", f), join(fakeRoot, "assets", f));
      // A 16 px image saved as icon-32.png: wrong for its name and for <IconUrl>.
      copyFileSync(join(repoRoot, "assets/icon-16.png"), join(fakeRoot, "assets/icon-32.png"));
      const problems = checkStructure(manifest, { repoRoot: fakeRoot }).join("\n");
      expect(problems).toMatch(/assets\/icon-32.png is 16x16, <IconUrl> needs 32x32/);
      expect(problems).toMatch(/assets\/icon-32.png is 16x16, image "Icon.32x32" needs 32x32/);
    } finally {
      rmSync(fakeRoot, { recursive: true, force: true });
    }
  });

  it("elements out of order (structural check)", () => {
    expect(problemsOf(outOfOrder)).toMatch(
      /<DefaultSettings> is out of order: it must come before <Permissions>/,
    );
  });

  it.runIf(xsdDir !== null)("elements out of order (XSD)", async () => {
    const problems = await checkXsd(outOfOrder, xsdDir ?? "");
    expect(problems.join("\n")).toMatch(
      /XSD: Element 'Permissions': This element is not expected. Expected is \( DefaultSettings \)/,
    );
  });

  it("malformed XML, with its line", () => {
    const xml = broken("</Permissions>", "</Permission>");
    expect(checkStructure(xml, { repoRoot })).toEqual([
      expect.stringMatching(/^line \d+: XML: <\/Permission> closes <Permissions>/),
    ]);
  });
});
