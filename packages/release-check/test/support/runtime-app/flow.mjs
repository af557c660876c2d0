// The root README example as one function, so Bun, Deno and a workerd worker run the very same code against the
// installed tarballs. Plain JavaScript on purpose: no runtime here should need a TypeScript step to load it.
import {
  createJwtTokenProvider,
  createPlexClient,
  createPlexJwtKeySource,
  exportDeviceKey,
  generateDeviceKey,
  getTokenDetails,
  importDeviceKey,
  PlexAPI,
  PlexInvalidJwtError,
  PlexUnauthorizedError,
  refreshJwt,
  registerDeviceKey,
  verifyPlexJwt,
} from "@plex/auth";
import { UserPlexAccountSchema } from "@plex/models";

/** @param {{ plexTvURL: string; serverURL: string; login: string; password: string; revokedToken: string }} input */
export async function runFlow(input) {
  const plex = new PlexAPI({
    clientIdentifier: "release-check-0001",
    product: "release-check",
    plexTvURL: input.plexTvURL,
    serverURL: input.serverURL,
  });
  const signIn = await plex.authentication.postUsersSignInData({
    requestBody: { login: input.login, password: input.password },
  });
  const me = plex.withAccessToken(signIn.data.authToken);
  const details = await me.authentication.getTokenDetails();
  const transient = await me.authentication.getTransientToken({ type: "delegation", scope: "all" });
  const parsed = UserPlexAccountSchema.safeParse(details.data);
  // The demo answers a revoked token with XML, so this also loads core's lazily imported XML decoder.
  let typedError = "none";
  let plexErrorMessages = [];
  try {
    await plex.withAccessToken(input.revokedToken).authentication.getTokenDetails();
  } catch (error) {
    typedError = error instanceof PlexUnauthorizedError ? error.name : String(error);
    plexErrorMessages = (error.plexErrors ?? []).map((detail) => detail.message);
  }
  const jwt = await jwtFlow(input.plexTvURL, signIn.data.authToken);
  return {
    // Proves which runtime ran the flow: "Bun/…", "Deno/…", "Cloudflare-Workers" (Node 20 has no navigator).
    userAgent: globalThis.navigator?.userAgent ?? "unknown",
    signInStatus: signIn.statusCode,
    username: details.data.username,
    transientTokenLength: transient.data.MediaContainer.token.length,
    reparsed: parsed.success,
    client: typeof createPlexClient,
    typedError,
    plexErrorMessages,
    jwt,
  };
}

/** The error class name a promise rejects with, or "resolved". */
async function rejectionName(promise) {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof PlexInvalidJwtError
      ? `${error.name}:${error.check}`
      : String(error?.name ?? error);
  }
}

const b64url = (text) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/**
 * Device keys and Plex JWTs with this runtime's WebCrypto (Ed25519): generate, export/import, register, refresh,
 * verify (and reject a tampered signature, alg none and a foreign kid), and the self-refreshing provider.
 */
async function jwtFlow(plexTvURL, accountToken) {
  const clientIdentifier = "release-check-0001";
  const account = createPlexClient({ clientIdentifier, plexTvURL, accessToken: accountToken });
  const generated = await generateDeviceKey();
  const stored = JSON.parse(JSON.stringify(await exportDeviceKey(generated)));
  const key = await importDeviceKey(stored);
  await registerDeviceKey(account, { key });
  const { token, expiresAt } = await refreshJwt(account, { key });
  const keys = createPlexJwtKeySource(account);
  const claims = await verifyPlexJwt(token, { keys, clientIdentifier, key });
  const [head, body, signature] = token.split(".");
  const tampered = `${head}.${body}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
  const algNone = `${b64url('{"alg":"none","typ":"JWT"}')}.${body}.`;
  const foreignKid = `${b64url(JSON.stringify({ alg: "EdDSA", kid: "not-a-plex-key" }))}.${body}.${signature}`;
  const accessToken = createJwtTokenProvider({
    client: createPlexClient({ clientIdentifier, plexTvURL }),
    key,
  });
  const viaProvider = await getTokenDetails(createPlexClient({ clientIdentifier, plexTvURL, accessToken }));
  return {
    kidIsThumbprint: key.kid === generated.kid && /^[A-Za-z0-9_-]{43}$/.test(key.kid),
    jsonHidesPrivateKey: !JSON.stringify(key).includes(stored.d),
    validDays: Math.round((expiresAt - Date.now()) / 86_400_000),
    verified: claims.iss === "plex.tv" && claims.thumbprint === key.kid,
    tampered: await rejectionName(verifyPlexJwt(tampered, { keys, clientIdentifier })),
    algNone: await rejectionName(verifyPlexJwt(algNone, { keys, clientIdentifier })),
    foreignKid: await rejectionName(verifyPlexJwt(foreignKid, { keys, clientIdentifier })),
    providerUsername: viaProvider.data.username,
  };
}
