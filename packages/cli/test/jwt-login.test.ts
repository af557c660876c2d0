// `plex-auth login --jwt`: a device key registered with the demo's clients.plex.tv, a Plex JWT kept and refreshed
// with that key. The demo checks the device JWT's EdDSA signature for real.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { createDemoPlex, DEMO_ACCOUNTS, DEMO_TOKENS } from "@plex/demo-plex";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useDemoServer } from "./support/demo.js";
import { baseEnv, createSandbox, runBin } from "./support/run-bin.js";

const demo = useDemoServer({ demo: createDemoPlex({ pinClaimAfterPolls: 2 }) });
let sandbox: ReturnType<typeof createSandbox>;
beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => sandbox.remove());

const env = () =>
  baseEnv(sandbox.configHome, { PLEX_TV_URL: demo().plexTvURL, PLEX_AUTH_POLL_INTERVAL_MS: "200" });
const readConfig = () => JSON.parse(readFileSync(sandbox.configFile, "utf8"));
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

describe("login --jwt", () => {
  it("PIN sign-in, then a registered device key and a Plex JWT stored instead of the account token", async () => {
    const result = await runBin(["login", "--jwt"], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Registering this machine's device key with Plex…");
    expect(result.stdout).toBe(`Signed in as demo-viewer. Token stored in ${sandbox.configFile}.\n`);
    const config = readConfig();
    expect(config.token).toMatch(JWT);
    expect(config.token).not.toBe(DEMO_TOKENS.account);
    expect(config).toMatchObject({ tokenType: "jwt", deviceKey: { kty: "OKP", crv: "Ed25519" } });
    expect(Date.parse(config.jwtExpiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect(statSync(sandbox.configFile).mode & 0o777).toBe(0o600);
    // Neither the JWT nor the private key is printed.
    expect(result.stdout + result.stderr).not.toContain(config.token);
    expect(result.stdout + result.stderr).not.toContain(config.deviceKey.d);
    const whoami = await runBin(["whoami", "--json"], { env: env() });
    expect(JSON.parse(whoami.stdout)).toMatchObject({ username: "demo-viewer" });
  });

  it("works after a password sign-in too, and --print --json gives the JWT", async () => {
    const { plain } = DEMO_ACCOUNTS;
    const result = await runBin(["login", "--password", "--jwt", "--print", "--json"], {
      env: env(),
      input: `${plain.login}\n${plain.password}\n`,
    });
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ method: "password+jwt", username: "demo-viewer" });
    expect(output.token).toMatch(JWT);
    expect(output.token).toBe(readConfig().token);
  });

  it("refreshes the JWT with the device key when it expires within a day, without signing in again", async () => {
    expect((await runBin(["login", "--jwt"], { env: env() })).code).toBe(0);
    const config = readConfig();
    writeFileSync(
      sandbox.configFile,
      JSON.stringify({ ...config, jwtExpiresAt: new Date(Date.now() + 60_000).toISOString() }),
    );
    const result = await runBin(["token"], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("Refreshing the Plex JWT with this machine's device key…\n");
    const refreshed = readConfig();
    expect(Date.parse(refreshed.jwtExpiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect(result.stdout).toBe(`${refreshed.token}\n`);
    expect(refreshed.deviceKey).toEqual(config.deviceKey);
    expect(statSync(sandbox.configFile).mode & 0o777).toBe(0o600);
  });

  it("logout forgets the JWT and the device key, keeps the client identifier", async () => {
    expect((await runBin(["login", "--jwt"], { env: env() })).code).toBe(0);
    const { clientIdentifier } = readConfig();
    const result = await runBin(["logout"], { env: env() });
    expect(result.stdout).toBe(`Forgot the token and the device key stored in ${sandbox.configFile}.\n`);
    expect(readConfig()).toEqual({ clientIdentifier });
  });
});
