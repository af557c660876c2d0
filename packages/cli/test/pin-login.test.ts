// `plex-auth login` (PIN): the built bin against demo Plex servers that approve after a few polls, or never.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createDemoPlex, DEMO_TOKENS } from "@plex/demo-plex";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useDemoServer } from "./support/demo.js";
import { BIN, baseEnv, createSandbox, runBin } from "./support/run-bin.js";

const approving = useDemoServer({ demo: createDemoPlex({ pinClaimAfterPolls: 3 }) });
const neverApproving = useDemoServer({
  demo: createDemoPlex({ pinClaimAfterPolls: Number.POSITIVE_INFINITY }),
});
const expiring = useDemoServer({
  demo: createDemoPlex({ pinClaimAfterPolls: Number.POSITIVE_INFINITY, pinLifetimeSeconds: 1 }),
});

let sandbox: ReturnType<typeof createSandbox>;
beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => sandbox.remove());

const env = (plexTvURL: string) =>
  baseEnv(sandbox.configHome, { PLEX_TV_URL: plexTvURL, PLEX_AUTH_POLL_INTERVAL_MS: "200" });

describe("login (PIN)", () => {
  it("shows the auth app URL and the plex.tv/link code, waits, and stores the token once approved", async () => {
    const server = approving();
    const pinsBefore = server.demo.data.pins.size;
    const result = await runBin(["login"], { env: env(server.plexTvURL) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Signed in as demo-viewer. Token stored in ${sandbox.configFile}.\n`);
    const pins = [...server.demo.data.pins.values()].slice(pinsBefore);
    const strong = pins.find((pin) => pin.code.length > 4);
    const short = pins.find((pin) => pin.code.length === 4);
    expect(strong && short).toBeTruthy();
    const config = JSON.parse(readFileSync(sandbox.configFile, "utf8"));
    expect(result.stderr).toContain(`clientID=${config.clientIdentifier}&code=${strong?.code}`);
    expect(result.stderr).toContain(`https://app.plex.tv/auth#?`);
    expect(result.stderr).toContain(`go to https://plex.tv/link and enter the code  ${short?.code}`);
    expect(result.stderr).toMatch(/Waiting for approval \(expires in \d+:\d\d; Ctrl-C to cancel\)…/);
    // The PINs were created with this machine's one identifier and "plex-auth" as the product.
    for (const pin of pins)
      expect(pin).toMatchObject({ clientIdentifier: config.clientIdentifier, product: "plex-auth" });
    expect(config.token).toBe(DEMO_TOKENS.account);
    expect(statSync(sandbox.configFile).mode & 0o777).toBe(0o600);
    expect(result.stdout + result.stderr).not.toContain(DEMO_TOKENS.account);
  });

  it("--json --print gives the account and the token as JSON on stdout", async () => {
    const result = await runBin(["login", "--json", "--print"], { env: env(approving().plexTvURL) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      username: "demo-viewer",
      method: "pin",
      config: sandbox.configFile,
      token: DEMO_TOKENS.account,
    });
  });

  it("--auth-app-url / PLEX_AUTH_APP_URL replace the auth app's address (the demo's own page)", async () => {
    const server = approving();
    const result = await runBin(["login", "--auth-app-url", `${server.url}/auth`], {
      env: env(server.plexTvURL),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`open  ${server.url}/auth#?clientID=`);
  });

  it("codes that expire unapproved end in one line saying to run login again, exit 1", async () => {
    const result = await runBin(["login"], { env: env(expiring().plexTvURL) });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n").pop()).toBe(
      "error: The sign-in codes expired before anyone approved them: run `plex-auth login` again.",
    );
    expect(JSON.parse(readFileSync(sandbox.configFile, "utf8")).token).toBeUndefined();
  });

  it("Ctrl-C while waiting exits 130 with one line, and stores no token and no partial file", async () => {
    const server = neverApproving();
    const result = await runBin(["login"], {
      env: env(server.plexTvURL),
      onStart(child, output) {
        const timer = setInterval(() => {
          if (output.stderr().includes("Waiting for approval")) {
            clearInterval(timer);
            // Let a poll or two happen, so the interrupt lands mid-wait.
            setTimeout(() => child.kill("SIGINT"), 500);
          }
        }, 20);
        child.on("close", () => clearInterval(timer));
        child.stdin?.end();
      },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n").pop()).toBe("error: Cancelled: nothing was stored.");
    // The config holds the machine's identifier (written whole before the PINs were created) and no token.
    expect(existsSync(sandbox.configFile)).toBe(true);
    const config = JSON.parse(readFileSync(sandbox.configFile, "utf8"));
    expect(Object.keys(config)).toEqual(["clientIdentifier"]);
    expect(readdirSync(sandbox.configDir)).toEqual(["config.json"]);
  });

  // util-linux `script` gives the bin a real terminal (a pty, 100 columns): what a user at a shell sees.
  it.skipIf(!existsSync("/usr/bin/script"))(
    "on a terminal: draws the QR code and a live countdown",
    async () => {
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(
          "/usr/bin/script",
          ["-qec", `stty cols 100; "${process.execPath}" "${BIN}" login`, "/dev/null"],
          {
            env: env(approving().plexTvURL),
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let text = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          text += chunk;
        });
        child.on("error", reject);
        child.on("close", (code) =>
          code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`)),
        );
      });
      expect(output).toMatch(/[▀▄█]{20,}/);
      expect(output).toContain("Scan to open the link on your phone.");
      expect(output).toContain("\r\u001b[2KWaiting for approval… ");
      expect(output).toMatch(/Waiting for approval… \d+:\d\d left \(Ctrl-C to cancel\)/);
      expect(output).toContain("Signed in as");
    },
  );
});
