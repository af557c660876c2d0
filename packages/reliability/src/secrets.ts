import { inspect } from "node:util";
import {
  createDemoPlex,
  DEMO_ACCOUNTS,
  DEMO_SERVER,
  DEMO_TOKENS,
  DEMO_TRANSIENT_TOKEN,
} from "@plex/demo-plex";

/** Every credential the demo hands out or accepts: none may appear in an error or a log line. */
export const KNOWN_SECRETS: readonly string[] = [
  DEMO_TOKENS.account,
  DEMO_TOKENS.revoked,
  DEMO_TOKENS.signedIn,
  DEMO_ACCOUNTS.plain.password,
  DEMO_ACCOUNTS.twoFactor.verificationCode,
  DEMO_SERVER.accessToken,
  DEMO_TRANSIENT_TOKEN,
  // The tokens of every device the demo account lists (shared servers and players have their own).
  ...createDemoPlex()
    .data.resources.map((device) => (device as { accessToken?: unknown }).accessToken)
    .filter((token): token is string => typeof token === "string"),
];

function safely(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `<render failed: ${(error as Error)?.name}>`;
  }
}

/**
 * Every way an error is commonly shown or shipped: message, stack, each cause (message, stack, inspect),
 * JSON.stringify, util.inspect at depth 10 and String().
 */
export function renderings(error: unknown): Record<string, string> {
  const out: Record<string, string> = {
    inspect: safely(() => inspect(error, { depth: 10, showHidden: false })),
    json: safely(() => JSON.stringify(error) ?? ""),
    string: safely(() => String(error)),
  };
  const record = error as { message?: unknown; stack?: unknown } | null;
  out.message = String(record?.message ?? "");
  out.stack = String(record?.stack ?? "");
  let cause = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 10; depth++) {
    const current = cause;
    out[`cause${depth}.inspect`] = safely(() => inspect(current, { depth: 10 }));
    out[`cause${depth}.json`] = safely(() => JSON.stringify(current) ?? "");
    out[`cause${depth}.stack`] = String((current as { stack?: unknown }).stack ?? "");
    cause = (current as { cause?: unknown }).cause;
  }
  return out;
}

/** Where a secret shows: `["json: demo-account-token-4c1f", …]`; empty when the error is clean. */
export function exposures(error: unknown, secrets: readonly string[] = KNOWN_SECRETS): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(renderings(error))) {
    for (const secret of secrets) if (text.includes(secret)) found.push(`${where}: ${secret}`);
  }
  return found;
}

/** The same check over text (a logger line). */
export function secretsIn(text: string, secrets: readonly string[] = KNOWN_SECRETS): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

/** A logger that keeps every line it gets, rendered the way a log sink would (inspect, depth 10). */
export function recordingLogger(): {
  logger: { debug(message: string, details?: unknown): void };
  lines: string[];
} {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      debug(message, details) {
        lines.push(`${message} ${inspect(details, { depth: 10 })}`);
      },
    },
  };
}
