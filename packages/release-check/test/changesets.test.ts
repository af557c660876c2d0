// Proves the release configuration does what the README promises: versions move independently. Each case copies the
// real workspace manifests and .changeset/config.json into a scratch folder, adds one changeset and runs the real
// `changeset version`, then reads the versions it wrote.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { publishable, repoRoot } from "../lib/pack.mjs";

const require = createRequire(import.meta.url);
const changesetBin = join(dirname(require.resolve("@changesets/cli/package.json")), "bin.js");
const manifests = [...publishable.map((pkg) => pkg.dir), "apps/playground"];

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function versionWith(
  changeset: string,
): Record<string, { version: string; dependencies: Record<string, string> }> {
  scratch = mkdtempSync(join(tmpdir(), "plex-changesets-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(scratch, file));
  }
  for (const dir of manifests) {
    mkdirSync(join(scratch, dir), { recursive: true });
    cpSync(join(repoRoot, dir, "package.json"), join(scratch, dir, "package.json"));
  }
  writeFileSync(join(scratch, ".changeset", "test-change.md"), changeset);
  execFileSync("node", [changesetBin, "version"], { cwd: scratch, stdio: ["ignore", "pipe", "pipe"] });
  return Object.fromEntries(
    manifests.map((dir) => {
      const pkg = JSON.parse(readFileSync(join(scratch as string, dir, "package.json"), "utf8"));
      return [pkg.name, { version: pkg.version, dependencies: pkg.dependencies ?? {} }];
    }),
  );
}

const current = Object.fromEntries(
  manifests.map((dir) => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8"));
    return [pkg.name, pkg.version as string];
  }),
);

const bump = (version: string, part: "minor" | "patch") => {
  const [major, minor, patch] = version.split(".").map(Number) as [number, number, number];
  return part === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
};

describe("changesets release independent versions", () => {
  it("a changeset naming only @plex/auth bumps only @plex/auth", () => {
    const after = versionWith('---\n"@plex/auth": minor\n---\n\nAdd a thing.\n');
    expect(after["@plex/auth"]?.version).toBe(bump(current["@plex/auth"] as string, "minor"));
    expect(after["@plex/core"]?.version).toBe(current["@plex/core"]);
    expect(after["@plex/models"]?.version).toBe(current["@plex/models"]);
    expect(after["@plex/playground"]?.version).toBe(current["@plex/playground"]);
  });

  it("a changeset naming @plex/models bumps models and patches its dependents", () => {
    const after = versionWith('---\n"@plex/models": minor\n---\n\nAdd a schema.\n');
    expect(after["@plex/models"]?.version).toBe(bump(current["@plex/models"] as string, "minor"));
    // @plex/core does not depend on @plex/models at run time (its error parsing is its own).
    expect(after["@plex/core"]?.version).toBe(current["@plex/core"]);
    expect(after["@plex/auth"]?.version).toBe(bump(current["@plex/auth"] as string, "patch"));
    // The private playground is never versioned (privatePackages.version: false).
    expect(after["@plex/playground"]?.version).toBe(current["@plex/playground"]);
    expect(after["@plex/auth"]?.dependencies["@plex/models"]).toBe("workspace:^");
  });
});
