// `plex-auth login --password`, `whoami`, `token` and `logout`: the built bin against the demo Plex node server.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { DEMO_ACCOUNTS, DEMO_TOKENS } from "@plex/demo-plex";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useDemoServer } from "./support/demo.js";
import { BIN, baseEnv, createSandbox, runBin } from "./support/run-bin.js";

const demo = useDemoServer();
let sandbox: ReturnType<typeof createSandbox>;
beforeEach(() => {
  sandbox = createSandbox();
});
afterEach(() => sandbox.remove());

const env = (extra: Record<string, string | undefined> = {}) =>
  baseEnv(sandbox.configHome, { PLEX_TV_URL: demo().plexTvURL, ...extra });
const readConfig = () => JSON.parse(readFileSync(sandbox.configFile, "utf8"));
const { plain, twoFactor } = DEMO_ACCOUNTS;

describe("login --password", () => {
  it("signs in with the password from stdin, stores the token 0600 in a 0700 folder, and prints no secret", async () => {
    const result = await runBin(["login", "--password"], {
      env: env(),
      input: `${plain.login}\n${plain.password}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Signed in as demo-viewer. Token stored in ${sandbox.configFile}.\n`);
    expect(result.stderr).toContain("Password (not shown): ");
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(plain.password);
      expect(output).not.toContain(DEMO_TOKENS.signedIn);
    }
    expect(statSync(sandbox.configFile).mode & 0o777).toBe(0o600);
    expect(statSync(sandbox.configDir).mode & 0o777).toBe(0o700);
    // Only the finished file: no temporary file left beside it.
    expect(readdirSync(sandbox.configDir)).toEqual(["config.json"]);
    const config = readConfig();
    expect(config).toEqual({
      clientIdentifier: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token: DEMO_TOKENS.signedIn,
      username: "demo-viewer",
      plexTvURL: demo().plexTvURL,
    });
    expect(JSON.stringify(config)).not.toContain(plain.password);
  });

  it("asks for the two-factor code when plex.tv answers 1029 and signs in with it (all fed on stdin)", async () => {
    const result = await runBin(["login", "--password", "--json"], {
      env: env(),
      input: `${twoFactor.login}\n${twoFactor.password}\n${twoFactor.verificationCode}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("This account uses two-factor authentication.");
    expect(result.stderr).toContain("Two-factor code: ");
    expect(JSON.parse(result.stdout)).toEqual({
      username: "demo-2fa-viewer",
      method: "password",
      config: sandbox.configFile,
    });
    expect(readConfig().token).toBe(DEMO_TOKENS.signedInTwoFactor);
  });

  it("a wrong two-factor code is one clear line, exit 1, and nothing stored", async () => {
    const result = await runBin(["login", "--password", "--username", twoFactor.login, "--code", "000000"], {
      env: env(),
      input: `${twoFactor.password}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: This account uses two-factor authentication .* --code/m);
    expect(readConfig().token).toBeUndefined();
  });

  it("a wrong password says what happened and what to do, with --json giving the typed kind", async () => {
    const result = await runBin(["login", "--password", "--json"], {
      env: env(),
      input: `${plain.login}\nnot-the-password\n`,
    });
    expect(result.code).toBe(1);
    const errorLines = result.stderr.split("\n").filter((line) => line.startsWith("error:"));
    expect(errorLines).toEqual([
      "error: plex.tv did not accept the login or password (User could not be authenticated): check them, or use `plex-auth login` (PIN), which also works for Google, Apple and Facebook accounts.",
    ]);
    expect(JSON.parse(result.stdout)).toEqual({
      error: expect.objectContaining({ kind: "PlexUnauthorizedError", statusCode: 401, code: 1001 }),
    });
    expect(result.stderr).not.toContain("not-the-password");
  });

  it.each([
    [
      DEMO_ACCOUNTS.rateLimited.login,
      /^error: plex\.tv is limiting requests from this address \(HTTP 429\)/m,
    ],
    [DEMO_ACCOUNTS.locked.login, /^error: plex\.tv has locked sign-ins from this address/m],
  ])("%s: Plex's refusal becomes one line", async (login, line) => {
    const result = await runBin(["login", "--password"], { env: env(), input: `${login}\ndemo-password\n` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(line);
  });

  it("Ctrl-C at the password prompt exits 130 and stores no token", async () => {
    const result = await runBin(["login", "--password", "--username", plain.login], {
      env: env(),
      onStart(child, output) {
        // stdin stays open: the prompt waits for a password that never comes.
        const timer = setInterval(() => {
          if (output.stderr().includes("Password (not shown): ")) {
            clearInterval(timer);
            child.kill("SIGINT");
          }
        }, 20);
        child.on("close", () => clearInterval(timer));
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr.trimEnd().split("\n").pop()).toBe("error: Cancelled: nothing was stored.");
    // The password was asked before anything needed the config: none was written at all.
    expect(existsSync(sandbox.configFile)).toBe(false);
  });

  it("--print puts only the token on stdout, for TOKEN=$(plex-auth login --password --print)", async () => {
    const result = await runBin(["login", "--password", "--print", "--username", plain.login], {
      env: env(),
      input: `${plain.password}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${DEMO_TOKENS.signedIn}\n`);
  });

  it("keeps one client identifier per machine across sign-ins", async () => {
    const login = () =>
      runBin(["login", "--password"], { env: env(), input: `${plain.login}\n${plain.password}\n` });
    expect((await login()).code).toBe(0);
    const first = readConfig().clientIdentifier;
    expect((await login()).code).toBe(0);
    expect(readConfig().clientIdentifier).toBe(first);
  });
});

// util-linux `script` gives the bin a real terminal: the login is echoed as typed, the password is not.
describe.skipIf(!existsSync("/usr/bin/script"))("login --password on a terminal", () => {
  it("reads the password without echo", async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        "/usr/bin/script",
        ["-qec", `"${process.execPath}" "${BIN}" login --password`, "/dev/null"],
        {
          env: env(),
          stdio: ["pipe", "pipe", "pipe"],
        },
      );
      let text = "";
      const answered = new Set<string>();
      // Each answer only once its prompt is on screen, so nothing is typed before raw mode is on.
      const answer = (prompt: string, value: string) => {
        if (!answered.has(prompt) && text.includes(prompt)) {
          answered.add(prompt);
          child.stdin.write(`${value}\r`);
        }
      };
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk;
        answer("Plex email or username: ", plain.login);
        answer("Password (not shown): ", plain.password);
      });
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`))));
    });
    expect(output).toContain(plain.login);
    expect(output).toContain("Signed in as");
    expect(output).not.toContain(plain.password);
    expect(readConfig().token).toBe(DEMO_TOKENS.signedIn);
  });
});

describe("whoami, token and logout", () => {
  beforeEach(async () => {
    await runBin(["login", "--password"], { env: env(), input: `${plain.login}\n${plain.password}\n` });
  });

  it("whoami shows the account and never the token", async () => {
    const result = await runBin(["whoami"], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Account    demo-viewer <demo@example.com>",
        "Plex Pass  yes (Monthly Plex Pass)",
        "Home       admin, 2 users",
        "Two-factor off",
        "",
      ].join("\n"),
    );
    expect(result.stdout + result.stderr).not.toContain(DEMO_TOKENS.signedIn);
  });

  it("whoami --json parses and holds no token", async () => {
    const result = await runBin(["whoami", "--json"], { env: env() });
    expect(result.code).toBe(0);
    const account = JSON.parse(result.stdout);
    expect(account).toMatchObject({ username: "demo-viewer", email: "demo@example.com", plexPass: true });
    expect(result.stdout).not.toMatch(/token/i);
  });

  it("token prints only the token; --token / PLEX_TOKEN win over the stored one", async () => {
    expect(await runBin(["token"], { env: env() })).toMatchObject({
      code: 0,
      stdout: `${DEMO_TOKENS.signedIn}\n`,
    });
    expect(await runBin(["token", "--json"], { env: env() })).toMatchObject({ code: 0 });
    const json = await runBin(["token", "--json"], { env: env() });
    expect(JSON.parse(json.stdout)).toEqual({ token: DEMO_TOKENS.signedIn });
    const fromEnv = await runBin(["whoami", "--json"], { env: env({ PLEX_TOKEN: DEMO_TOKENS.account }) });
    expect(fromEnv.code).toBe(0);
    const revoked = await runBin(["whoami", "--token", DEMO_TOKENS.revoked], { env: env() });
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toBe(
      "error: plex.tv refused the token (HTTP 422: Invalid token): it is wrong or was revoked; run `plex-auth login` to get a new one.\n",
    );
    expect(revoked.stderr).not.toContain(DEMO_TOKENS.revoked);
  });

  it("token --transient asks the server for a transient token", async () => {
    const result = await runBin(["token", "--transient", "--server-url", demo().serverURL], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${demo().demo.data.transientToken}\n`);
    expect(result.stderr).toContain(`Asking ${demo().serverURL} for a transient token…`);
  });

  it("logout forgets the token but keeps the client identifier; then commands say how to sign in", async () => {
    const before = readConfig();
    const result = await runBin(["logout"], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Forgot the token stored in ${sandbox.configFile}.\n`);
    expect(readConfig()).toEqual({ clientIdentifier: before.clientIdentifier });
    expect(statSync(sandbox.configFile).mode & 0o777).toBe(0o600);
    const after = await runBin(["token"], { env: env() });
    expect(after.code).toBe(1);
    expect(after.stdout).toBe("");
    expect(after.stderr).toBe(
      "error: Not signed in: run `plex-auth login`, or pass --token / set PLEX_TOKEN.\n",
    );
    const again = await runBin(["logout", "--json"], { env: env() });
    expect(JSON.parse(again.stdout)).toEqual({ loggedOut: false, config: sandbox.configFile });
  });
});
