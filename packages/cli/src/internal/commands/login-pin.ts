import {
  buildAuthAppURL,
  createPin,
  getTokenDetails,
  type Pin,
  PlexAbortError,
  PlexPinExpiredError,
  PlexTimeoutError,
  waitForPinToken,
} from "@plex/auth";
import { CliError, UsageError } from "../cli-error.js";
import type { OptionValues } from "../command.js";
import type { CommandContext } from "../context.js";
import { formatRemaining, startCountdown } from "../countdown.js";
import { deviceIdentity } from "../identity.js";
import { isTTY } from "../io.js";
import { renderQr } from "../qr.js";
import type { SignedIn } from "../store-token.js";

const LINK_URL = "https://plex.tv/link";

function pollIntervalMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.PLEX_AUTH_POLL_INTERVAL_MS ?? 1000);
  if (!Number.isFinite(value) || value < 100)
    throw new UsageError("PLEX_AUTH_POLL_INTERVAL_MS must be a number of milliseconds >= 100.");
  return value;
}

function authAppURLOption(context: CommandContext, values: OptionValues): string | undefined {
  return (
    (values["auth-app-url"] as string | undefined) ?? (context.io.env.PLEX_AUTH_APP_URL?.trim() || undefined)
  );
}

/**
 * PIN login. Two PINs are created: a strong one for the auth app URL (and its QR code), and a short one whose
 * 4-character code the user can type at plex.tv/link on another device. Both are polled; the first approved wins and
 * the other wait is cancelled. Ctrl-C cancels both and stores nothing.
 */
export async function loginWithPin(context: CommandContext, values: OptionValues): Promise<SignedIn> {
  const { io } = context;
  const interval = pollIntervalMs(io.env);
  const api = await context.api();
  const config = await context.config();
  const identity = deviceIdentity(config.clientIdentifier);
  const signal = io.signal;
  const [strong, short] = await Promise.all([
    createPin(api.client, { strong: true }, { signal }),
    createPin(api.client, {}, { signal }),
  ]);
  const authAppURL = authAppURLOption(context, values);
  const url = buildAuthAppURL({
    clientIdentifier: config.clientIdentifier,
    code: strong.data.code,
    product: identity.product,
    platform: identity.platform,
    deviceName: identity.deviceName,
    ...(authAppURL ? { authAppURL } : {}),
  });
  const { bold, cyan, dim } = context.colors.err;
  context.progress(`To let ${bold("plex-auth")} on ${identity.deviceName} use your Plex account, either:`);
  context.progress(`  open  ${cyan(url)}`);
  context.progress(`  or go to ${cyan(LINK_URL)} and enter the code  ${bold(short.data.code)}`);
  const stderrColumns = (io.stderr as NodeJS.WriteStream).columns;
  if (values["no-qr"] !== true && isTTY(io.stderr) && stderrColumns !== undefined) {
    const qr = renderQr(url, stderrColumns);
    if (qr) context.progress(`\n${qr}\n  ${dim("Scan to open the link on your phone.")}`);
  }

  const expiresAt = Math.max(...[strong.data, short.data].map(expiryOf));
  const controller = new AbortController();
  const cancel = () => controller.abort();
  signal.addEventListener("abort", cancel, { once: true });
  const countdown = isTTY(io.stderr)
    ? startCountdown(io.stderr, expiresAt, (left) => `Waiting for approval… ${left} left (Ctrl-C to cancel)`)
    : undefined;
  if (!countdown)
    context.progress(
      `Waiting for approval (expires in ${formatRemaining(expiresAt - Date.now())}; Ctrl-C to cancel)…`,
    );
  let token: string;
  try {
    token = await Promise.any(
      [strong.data, short.data].map((pin) =>
        waitForPinToken(api.client, pin, { intervalMs: interval, signal: controller.signal }),
      ),
    );
  } catch (error) {
    throw firstMeaningful(error, signal.aborted);
  } finally {
    countdown?.stop();
    controller.abort();
    signal.removeEventListener("abort", cancel);
  }
  // The name in the success line, from the token itself; the token is stored either way.
  const account = await getTokenDetails(api.withAccessToken(token).client, {}, { signal }).then(
    (response) => response.data,
    () => undefined,
  );
  return { token, username: account?.username ?? account?.title };
}

function expiryOf(pin: Pin): number {
  const at = pin.expiresAt ? Date.parse(pin.expiresAt) : Number.NaN;
  return Number.isNaN(at) ? Date.now() + (pin.expiresIn ?? 900) * 1000 : at;
}

/** Both waits failed: Ctrl-C if that was it, else the error that says most (not "expired" when one broke). */
function firstMeaningful(error: unknown, aborted: boolean): unknown {
  const errors = error instanceof AggregateError ? error.errors : [error];
  if (aborted) return new PlexAbortError("Cancelled");
  const broken = errors.find(
    (item) =>
      !(item instanceof PlexTimeoutError) &&
      !(item instanceof PlexAbortError) &&
      !(item instanceof PlexPinExpiredError),
  );
  return (
    broken ??
    new CliError("The sign-in codes expired before anyone approved them: run `plex-auth login` again.")
  );
}
