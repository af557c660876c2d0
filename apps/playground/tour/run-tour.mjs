// @ts-check
import { createHash } from "node:crypto";
import { hostname, userInfo } from "node:os";
import { PlexAPI, PlexAPIError, PlexError, PlexRateLimitError } from "@plex/auth";
import { DEMO_CLIENT_IDENTIFIER, DEMO_TOKENS } from "@plex/demo-plex";
import { startDemoPlexServer } from "@plex/demo-plex/node";
import { formatMs, formatTable } from "./format.mjs";
import { hintFor, identityUnreachable, identityUnusable } from "./hints.mjs";
import { approvedPinKey, demoSteps, liveSteps, pinLogin } from "./steps.mjs";

/**
 * @typedef {import("./args.mjs").TourArgs} TourArgs
 * @typedef {import("./steps.mjs").Step} Step
 * @typedef {{ write(text: string): void }} Output
 *
 * @typedef {object} Outcome
 * @property {Step} step
 * @property {string} status   HTTP status, or "—" when nothing came back.
 * @property {number} ms
 * @property {string} result   The key result, or the error class.
 * @property {unknown} [error]
 * @property {boolean} asExpected
 * @property {string} [details]
 */

const PRODUCT = {
  product: "Plex SDK Playground Tour",
  version: "0.0.0",
  platform: "Node.js",
  device: "Terminal",
};

/**
 * One identifier per machine and user, so repeated live tours show up as one device in Plex.
 * @returns {string}
 */
function stableClientIdentifier() {
  const digest = createHash("sha256").update(`${hostname()}:${userInfo().username}`).digest("hex");
  return `plex-playground-tour-${digest.slice(0, 16)}`;
}

/** @param {unknown} error */
function errorClass(error) {
  return error instanceof Error ? error.name : typeof error;
}

/** @param {unknown} error */
function describeError(error) {
  if (!PlexError.isInstance(error)) return error instanceof Error ? error.message : String(error);
  const parts = [];
  if (PlexAPIError.isInstance(error)) {
    parts.push(`HTTP ${error.statusCode}`);
    if (error.code !== undefined) parts.push(`code ${error.code}`);
  }
  if (PlexRateLimitError.isInstance(error)) {
    parts.push(error.retryAfterMs === undefined ? "no Retry-After" : `retry after ${error.retryAfterMs} ms`);
  }
  parts.push(JSON.stringify(error.message));
  return parts.join("  ");
}

/**
 * @param {Step[]} steps
 * @param {Output} out
 * @returns {Promise<Outcome[]>}
 */
async function runSteps(steps, out) {
  /** @type {Outcome[]} */
  const outcomes = [];
  const width = String(steps.length).length;
  for (const [index, step] of steps.entries()) {
    const label = `[${String(index + 1).padStart(width)}/${steps.length}] ${step.operation} (${step.scenario})`;
    out.write(`${label} …`);
    const started = performance.now();
    /** @type {Outcome} */
    let outcome;
    try {
      const response = await step.run();
      outcome = {
        step,
        status: String(response.statusCode),
        ms: performance.now() - started,
        result: step.key(response.data),
        asExpected: step.expect === "ok",
        ...(step.details === undefined ? {} : { details: step.details(response.data) }),
      };
    } catch (error) {
      outcome = {
        step,
        status: PlexAPIError.isInstance(error) ? String(error.statusCode) : "—",
        ms: performance.now() - started,
        result: errorClass(error),
        error,
        asExpected: step.expect === errorClass(error),
      };
    }
    out.write(
      ` ${outcome.status} in ${formatMs(outcome.ms)}${outcome.asExpected ? "" : `  UNEXPECTED (wanted ${step.expect})`}\n`,
    );
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * @param {Outcome[]} outcomes
 * @param {Output} out
 * @param {{ serverURL?: string | undefined; plexTvURL?: string | undefined }} [targets]  For the hints.
 */
function report(outcomes, out, targets = {}) {
  out.write("\n");
  out.write(
    formatTable(
      ["operation", "scenario", "status", "time", "key result"],
      outcomes.map((o) => [o.step.operation, o.step.scenario, o.status, formatMs(o.ms), o.result]),
    ),
  );
  out.write("\n");
  for (const o of outcomes.filter((outcome) => outcome.details !== undefined)) {
    out.write(`\n${o.step.operation} (${o.step.scenario}):\n${o.details}\n`);
  }
  const failures = outcomes.filter((o) => o.error !== undefined);
  if (failures.length > 0) {
    out.write("\nTyped errors:\n");
    for (const o of failures) {
      out.write(
        `  ${o.step.operation} (${o.step.scenario}) → ${errorClass(o.error)}  ${describeError(o.error)}\n`,
      );
      // Only where the step was meant to succeed: an expected failure scenario needs no advice.
      const hint = o.asExpected ? undefined : hintFor(o.error, targets);
      if (hint !== undefined) out.write(`      hint: ${hint}\n`);
    }
  }
  const unexpected = outcomes.filter((o) => !o.asExpected).length;
  out.write(
    `\n${outcomes.length} operations, ${outcomes.length - unexpected} as expected${unexpected > 0 ? `, ${unexpected} NOT` : ""}.\n`,
  );
  return unexpected;
}

/**
 * Fetches `<server>/identity` to build the `server://<machineIdentifier>` source (not an SDK operation).
 * @param {string} serverURL
 * @returns {Promise<string>}
 */
async function sourceFromIdentity(serverURL) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(new URL("/identity", serverURL), { headers: { Accept: "application/json" } });
  } catch (error) {
    throw identityUnreachable(serverURL, error);
  }
  if (!response.ok) throw identityUnusable(`${serverURL}/identity answered HTTP ${response.status}`);
  /** @type {{ MediaContainer?: { machineIdentifier?: unknown } }} */
  let body;
  try {
    body = await response.json();
  } catch {
    throw identityUnusable(`${serverURL}/identity did not answer JSON`);
  }
  const id = body.MediaContainer?.machineIdentifier;
  if (typeof id !== "string") throw identityUnusable(`no machineIdentifier in ${serverURL}/identity`);
  return `server://${id}`;
}

/**
 * Live Sign in with Plex, TV style: prints the plex.tv/link code, waits for the user to enter it, then (with
 * --server) runs the other operations with the new token. The token itself is never printed.
 * @param {TourArgs} args
 * @param {Output} out
 * @returns {Promise<number>}
 */
async function livePinTour(args, out) {
  /** @type {string | undefined} */
  let token;
  const plex = new PlexAPI({
    ...PRODUCT,
    clientIdentifier: args.clientIdentifier ?? stableClientIdentifier(),
    ...(args.plexTv === undefined ? {} : { plexTvURL: args.plexTv }),
  });
  out.write(`Sign in with Plex against ${args.plexTv ?? "https://plex.tv/api/v2"}\n\n`);
  const login = pinLogin(plex, {
    show: (code, expiresIn) =>
      out.write(`\n\n    Go to https://plex.tv/link and enter ${code} (valid ${String(expiresIn)} s)\n\n`),
  });
  /** @type {Step[]} */
  const steps = [
    {
      operation: "createPin + waitForPinToken",
      scenario: "plex.tv/link",
      expect: "ok",
      run: async () => {
        const response = await login();
        const approved = /** @type {{ authToken?: string | null }} */ (response.data).authToken;
        token = approved ?? undefined;
        return response;
      },
      key: approvedPinKey,
    },
  ];
  const outcomes = await runSteps(steps, out);
  if (args.server !== undefined && token !== undefined) {
    const serverURL = args.server;
    const signedIn = new PlexAPI(plex.client.withOptions({ serverURL, accessToken: token }));
    const source = args.source;
    outcomes.push(
      ...(await runSteps(
        liveSteps(signedIn, {
          source: () => (source === undefined ? sourceFromIdentity(serverURL) : Promise.resolve(source)),
        }),
        out,
      )),
    );
  }
  return report(outcomes, out, { serverURL: args.server, plexTvURL: args.plexTv }) === 0 ? 0 : 1;
}

/**
 * Runs the tour and returns the process exit code (0 when every step ended as expected).
 * @param {TourArgs} args
 * @param {Output} out
 * @returns {Promise<number>}
 */
export async function runTour(args, out) {
  if (args.pin) return livePinTour(args, out);
  if (args.server !== undefined) {
    if (args.token === undefined) {
      out.write("--server needs --token (the X-Plex-Token to use).\n");
      return 2;
    }
    const serverURL = args.server;
    const plex = new PlexAPI({
      ...PRODUCT,
      clientIdentifier: args.clientIdentifier ?? stableClientIdentifier(),
      serverURL,
      accessToken: args.token,
      ...(args.plexTv === undefined ? {} : { plexTvURL: args.plexTv }),
    });
    out.write(`Live tour against ${serverURL} (plex.tv: ${args.plexTv ?? "https://plex.tv/api/v2"})\n\n`);
    const source = args.source;
    const steps = liveSteps(plex, {
      source: () => (source === undefined ? sourceFromIdentity(serverURL) : Promise.resolve(source)),
      login: args.login,
      password: args.password,
      code: args.code,
    });
    return report(await runSteps(steps, out), out, { serverURL, plexTvURL: args.plexTv }) === 0 ? 0 : 1;
  }

  const demo = await startDemoPlexServer({ host: "127.0.0.1", port: 0 });
  try {
    out.write(`Demo Plex (from @plex/demo-plex) listening on ${demo.url}\n\n`);
    const plex = new PlexAPI({
      ...PRODUCT,
      clientIdentifier: args.clientIdentifier ?? DEMO_CLIENT_IDENTIFIER,
      plexTvURL: demo.plexTvURL,
      serverURL: demo.serverURL,
      accessToken: DEMO_TOKENS.account,
    });
    return report(await runSteps(demoSteps(plex), out), out) === 0 ? 0 : 1;
  } finally {
    await demo.close();
  }
}
