import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import * as z from "zod/mini";
import type { DeviceKey } from "./device-key.js";
import { assertDeviceKey } from "./internal/device-key-object.js";
import { jwtClient } from "./internal/jwt-client.js";

/** Plex answers a registration with an empty body or a small JSON object; nothing in it is needed. */
const RegisterAnswerSchema = /* @__PURE__ */ z.unknown();

/**
 * Registers the device key's public half with the account (POST https://clients.plex.tv/api/v2/auth/jwk, body
 * `{ jwk: { kty: "OKP", crv: "Ed25519", x, kid, use: "sig", alg: "EdDSA" } }`), sent with the client's account
 * token. Do it once per key; afterwards `refreshJwt` needs no account token. The private key is never sent.
 *
 * Errors: `PlexDeviceKeyTakenError` (422 "thumbprint already taken": this `kid` is already registered, usually by
 * this device before), `PlexUnauthorizedError` (bad account token), `PlexInvalidRequestError` (not a DeviceKey).
 *
 * @example
 * const key = await generateDeviceKey();
 * await registerDeviceKey(client, { key });
 */
export async function registerDeviceKey(
  client: PlexClient,
  request: { key: DeviceKey },
  options?: RequestOptions,
): Promise<PlexResponse<unknown>> {
  assertDeviceKey(request?.key, "registerDeviceKey");
  return jwtClient(client).request(
    {
      method: "POST",
      server: "plextv",
      path: "/auth/jwk",
      body: { json: { jwk: { ...request.key.publicJwk } } },
      auth: true,
      // Repeating it after an answer would only turn success into "thumbprint already taken".
      idempotent: false,
      responseSchema: RegisterAnswerSchema,
      operation: "registerDeviceKey",
    },
    options,
  );
}
