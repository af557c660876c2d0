import type { PlexClient, PlexResponse, RequestOptions } from "@plex/core";
import { PlexInvalidRequestError, parseInput } from "@plex/core";
import { type CreatePinRequest, CreatePinRequestSchema, type Pin, PinSchema } from "@plex/models";
import type { JwtPinLogin } from "./jwt-pin-login.js";

/** `strong`, and `jwt` from `prepareJwtPinLogin` for a PIN that ends in a Plex JWT for a device key. */
export interface CreatePinOptions extends CreatePinRequest {
  /**
   * Creates the PIN on clients.plex.tv with the device's public key (`{ jwk }` in a JSON body, as python-plexapi's
   * `MyPlexJWTLogin` does): once approved, its `authToken` is a Plex JWT for that key, and the key is registered
   * (no `registerDeviceKey` needed). Poll it with `waitForPinToken(client, pin, { jwt })`.
   */
  jwt?: JwtPinLogin;
}

/**
 * Creates a plex.tv PIN (POST https://plex.tv/api/v2/pins, status 201): the first step of "Sign in with Plex".
 * Show the user `buildAuthAppURL(...)` (with `strong: true`) or the short `code` for plex.tv/link (without),
 * then call `waitForPinToken` with the PIN. No token is sent: the PIN is how you get one.
 *
 * plex.tv names the app the user approves after `X-Plex-Product`, so the client must have `product` configured;
 * without it this throws PlexInvalidRequestError before anything is sent. A missing client identifier is
 * answered 400 code 1000 by plex.tv; too many PINs, 429 (PlexRateLimitError).
 *
 * @example
 * const { data: pin } = await createPin(client, { strong: true });
 * location.assign(buildAuthAppURL({ clientIdentifier: client.options.clientIdentifier, code: pin.code }));
 */
export async function createPin(
  client: PlexClient,
  request: CreatePinOptions = {},
  options?: RequestOptions,
): Promise<PlexResponse<Pin>> {
  const input = parseInput(CreatePinRequestSchema, request, "createPin request");
  const jwt = request?.jwt;
  if (
    jwt !== undefined &&
    (typeof jwt?.pinBody?.jwk !== "object" || typeof jwt.client?.request !== "function")
  ) {
    throw new PlexInvalidRequestError("createPin: `jwt` must come from prepareJwtPinLogin(client, { key })", {
      issues: [{ path: ["jwt"], message: "not a prepared JWT PIN login" }],
    });
  }
  const product = client.options.product;
  if (product === undefined || product.trim() === "") {
    throw new PlexInvalidRequestError(
      "createPin needs the client's `product` option: plex.tv shows it to the user who approves the sign-in",
      { issues: [{ path: ["product"], message: "required for PIN login" }] },
    );
  }
  // The JWT flow lives on clients.plex.tv: the prepared login carries a client pointed there.
  return (jwt?.client ?? client).request(
    {
      method: "POST",
      server: "plextv",
      path: "/pins",
      body: jwt === undefined ? undefined : { json: jwt.pinBody },
      // In the query and spelled `true`, as the spec and real clients (Plex Web, Overseerr) send it; core would
      // spell a boolean `1`. Left out for the short plex.tv/link code.
      query: { strong: input.strong === true ? "true" : undefined },
      auth: false,
      // A second PIN after a lost answer is harmless: the first one just expires unused.
      idempotent: true,
      responseSchema: PinSchema,
      operation: "createPin",
    },
    options,
  );
}
