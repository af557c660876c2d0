// Installs the packed tarballs with plain npm into an empty folder (no workspace, no pnpm) and runs the root README
// example from ESM and from CommonJS against the demo Plex on a local node:http server: what a user gets from
// `npm i @plex/auth`, not what the monorepo links together.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEMO_ACCOUNTS, DEMO_TOKENS } from "@plex/demo-plex";
import { startDemoPlexServer } from "@plex/demo-plex/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordRuntimeResult } from "../lib/runtime-results.mjs";
import { type InstalledTarballs, installTarballs } from "./support/install-tarballs.js";

const example = (load: string) => `${load}
async function main() {
  const plex = new PlexAPI({
    clientIdentifier: "release-check-0001",
    product: "release-check",
    plexTvURL: process.env.PLEX_TV_URL,
    serverURL: process.env.PLEX_SERVER_URL,
  });
  const signIn = await plex.authentication.postUsersSignInData({
    requestBody: { login: process.env.PLEX_LOGIN, password: process.env.PLEX_PASSWORD },
  });
  const me = plex.withAccessToken(signIn.data.authToken);
  const details = await me.authentication.getTokenDetails();
  const transient = await me.authentication.getTransientToken({ type: "delegation", scope: "all" });
  const parsed = UserPlexAccountSchema.safeParse(details.data);
  let typedError = "none";
  try {
    await plex.withAccessToken("${DEMO_TOKENS.revoked}").authentication.getTokenDetails();
  } catch (error) {
    typedError = error instanceof PlexUnauthorizedError ? "PlexUnauthorizedError" : String(error);
  }
  console.log(JSON.stringify({
    signInStatus: signIn.statusCode,
    username: details.data.username,
    transientTokenLength: transient.data.MediaContainer.token.length,
    reparsed: parsed.success,
    client: typeof createPlexClient,
    typedError,
  }));
}
main().catch((error) => { console.error(error); process.exit(1); });
`;

let install: InstalledTarballs;
let server: Awaited<ReturnType<typeof startDemoPlexServer>>;

beforeAll(async () => {
  server = await startDemoPlexServer({ host: "127.0.0.1", port: 0 });
  install = installTarballs();
  writeFileSync(
    join(install.app, "example.mjs"),
    example(
      'import { PlexAPI, createPlexClient, PlexUnauthorizedError } from "@plex/auth";\nimport { UserPlexAccountSchema } from "@plex/models";',
    ),
  );
  writeFileSync(
    join(install.app, "example.cjs"),
    example(
      'const { PlexAPI, createPlexClient, PlexUnauthorizedError } = require("@plex/auth");\nconst { UserPlexAccountSchema } = require("@plex/models");',
    ),
  );
});

afterAll(async () => {
  await server?.close();
  install?.remove();
});

describe("packed tarballs installed with npm into an empty folder", () => {
  it("bring only zod (and core's lazily loaded XML parser, and the CLI's uqr) from the registry", () => {
    const lock = JSON.parse(readFileSync(join(install.app, "package-lock.json"), "utf8"));
    const installed = Object.keys(lock.packages)
      .filter((path) => path.startsWith("node_modules/") && !path.slice(13).includes("node_modules/"))
      .map((path) => path.slice(13));
    expect(installed).toContain("zod");
    expect(installed).toEqual(expect.arrayContaining(["@plex/models", "@plex/core", "@plex/auth"]));
    const models = JSON.parse(
      readFileSync(join(install.app, "node_modules/@plex/models/package.json"), "utf8"),
    );
    expect(Object.keys(models.dependencies)).toEqual(["zod"]);
    const auth = JSON.parse(readFileSync(join(install.app, "node_modules/@plex/auth/package.json"), "utf8"));
    // workspace:^ must have been rewritten into a real semver range by pnpm pack.
    expect(auth.dependencies["@plex/core"]).toMatch(/^\^\d+\.\d+\.\d+$/);
  });

  for (const file of ["example.mjs", "example.cjs"]) {
    // Asynchronous on purpose: the demo server lives in this process and must keep answering while node runs.
    it(`run the README example from ${file.endsWith(".mjs") ? "ESM" : "CommonJS"}`, async () => {
      // For the README's runtime table: failed until every assertion below holds.
      const id = file.endsWith(".mjs") ? "node-esm" : "node-cjs";
      recordRuntimeResult(id, process.versions.node, false);
      const { stdout: output } = await promisify(execFile)("node", [file], {
        cwd: install.app,
        encoding: "utf8",
        env: {
          ...process.env,
          PLEX_TV_URL: server.plexTvURL,
          PLEX_SERVER_URL: server.serverURL,
          PLEX_LOGIN: DEMO_ACCOUNTS.plain.login,
          PLEX_PASSWORD: DEMO_ACCOUNTS.plain.password,
        },
      });
      const result = JSON.parse(output.trim().split("\n").pop() ?? "{}");
      expect(result).toMatchObject({
        signInStatus: 201,
        reparsed: true,
        client: "function",
        typedError: "PlexUnauthorizedError",
      });
      expect(result.username).toEqual(expect.any(String));
      expect(result.transientTokenLength).toBeGreaterThan(0);
      recordRuntimeResult(id, process.versions.node, true);
    });
  }
});
