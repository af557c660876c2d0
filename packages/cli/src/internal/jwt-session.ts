import {
  type DeviceKeyJwk,
  exportDeviceKey,
  generateDeviceKey,
  importDeviceKey,
  refreshJwt,
  registerDeviceKey,
} from "@plex/auth";
import type { CliConfig } from "./config-store.js";
import type { CommandContext } from "./context.js";

/** Refresh a stored Plex JWT this long before it expires (Plex issues them for 7 days). */
const REFRESH_WITHIN_MS = 24 * 60 * 60 * 1000;

export interface KeptJwt {
  readonly token: string;
  readonly expiresAt: number;
  readonly deviceKey: DeviceKeyJwk;
}

/**
 * `login --jwt`: a new Ed25519 device key for this machine, registered with the account (with the account token
 * just obtained), then traded for a Plex JWT. The account token itself is not kept: the device key can always get a
 * new JWT, and can be revoked on its own.
 */
export async function registerJwt(context: CommandContext, accountToken: string): Promise<KeptJwt> {
  const { signal } = context.io;
  const api = await context.api(accountToken);
  context.progress("Registering this machine's device key with Plex…");
  const key = await generateDeviceKey();
  await registerDeviceKey(api.client, { key }, { signal });
  const jwt = await refreshJwt(api.client, { key }, { signal });
  return { token: jwt.token, expiresAt: jwt.expiresAt, deviceKey: await exportDeviceKey(key) };
}

/** The extra config fields that mark the stored token as a JWT kept fresh with the device key. */
export function jwtFields(jwt: KeptJwt): Record<string, unknown> {
  return { tokenType: "jwt", jwtExpiresAt: new Date(jwt.expiresAt).toISOString(), deviceKey: jwt.deviceKey };
}

/**
 * The stored token, refreshed first when it is a JWT that expires within a day (or has expired): signed with the
 * stored device key, no account token or password needed. Saved atomically like any token.
 */
export async function freshStoredToken(
  context: CommandContext,
  config: CliConfig,
): Promise<string | undefined> {
  if (config.token === undefined || config.tokenType !== "jwt" || config.deviceKey === undefined)
    return config.token;
  const expiresAt = Date.parse(String(config.jwtExpiresAt ?? ""));
  if (Number.isFinite(expiresAt) && expiresAt - Date.now() > REFRESH_WITHIN_MS) return config.token;
  context.progress("Refreshing the Plex JWT with this machine's device key…");
  const key = await importDeviceKey(config.deviceKey as DeviceKeyJwk);
  const api = await context.api();
  const jwt = await refreshJwt(api.client, { key }, { signal: context.io.signal });
  await context.saveConfig({
    ...config,
    token: jwt.token,
    jwtExpiresAt: new Date(jwt.expiresAt).toISOString(),
  });
  return jwt.token;
}
