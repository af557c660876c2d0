// @ts-check
import {
  createPlexJwtKeySource,
  generateDeviceKey,
  getPlexJwtKeys,
  getTokenDetails,
  refreshJwt,
  registerDeviceKey,
  verifyPlexJwt,
} from "@plex/auth";
import { DEMO_HOME } from "@plex/demo-plex";
import { maskSecret } from "./format.mjs";

/**
 * @typedef {import("./steps.mjs").Step} Step
 * @typedef {import("@plex/auth").PlexAPI} PlexAPI
 */

/** @param {unknown} data */
function homeKey(data) {
  const users =
    /** @type {{ users?: { title?: string; admin?: boolean; protected?: boolean; restricted?: boolean }[] }} */ (
      data
    ).users;
  if (!Array.isArray(users)) return "no users";
  const tags = users.map(
    (user) =>
      `${user.title}${user.admin ? " (admin)" : ""}${user.protected ? " (PIN)" : ""}${user.restricted ? " (managed)" : ""}`,
  );
  return `${users.length} users: ${tags.join(", ")}`;
}

/** @param {unknown} data */
function memberKey(data) {
  const { title, authToken } = /** @type {{ title?: string; authToken?: string }} */ (data);
  return `${title}, authToken ${typeof authToken === "string" ? maskSecret(authToken) : "missing"}`;
}

/**
 * Plex Home and the JWT device-key flow, against the demo (its clients.plex.tv routes answer on the same base).
 * @param {PlexAPI} plex  A client with the demo account token.
 * @returns {Step[]}
 */
export function jwtAndHomeSteps(plex) {
  const auth = plex.authentication;
  const client = plex.client;
  /** @type {import("@plex/auth").DeviceKey | undefined} */
  let key;
  /** @type {string | undefined} */
  let token;
  const keys = createPlexJwtKeySource(client);
  const verify = (/** @type {string} */ jwt) =>
    verifyPlexJwt(jwt, { keys, clientIdentifier: client.options.clientIdentifier, key });
  return [
    {
      operation: "getHomeUsers",
      scenario: "account token",
      expect: "ok",
      run: () => auth.getHomeUsers(),
      key: homeKey,
    },
    {
      operation: "switchHomeUser",
      scenario: "PIN member, right PIN",
      expect: "ok",
      run: () => auth.switchHomeUser({ uuid: DEMO_HOME.memberUuid, pin: DEMO_HOME.memberPin }),
      key: memberKey,
    },
    {
      operation: "switchHomeUser",
      scenario: "PIN member, wrong PIN",
      expect: "PlexHomePinRequiredError",
      run: () => auth.switchHomeUser({ uuid: DEMO_HOME.memberUuid, pin: "0000" }),
      key: () => "",
    },
    {
      operation: "registerDeviceKey",
      scenario: "new Ed25519 key",
      expect: "ok",
      run: async () => {
        key = await generateDeviceKey();
        return registerDeviceKey(client, { key });
      },
      key: () => `kid ${key?.kid.slice(0, 8)}…`,
    },
    {
      operation: "refreshJwt",
      scenario: "then getTokenDetails with it",
      expect: "ok",
      run: async () => {
        if (!key) throw new Error("no key registered");
        token = (await refreshJwt(client, { key })).token;
        return getTokenDetails(client.withOptions({ accessToken: token }));
      },
      key: (data) =>
        `Plex JWT ${maskSecret(token ?? "")}, username ${String(/** @type {{ username?: string }} */ (data).username)}`,
    },
    {
      operation: "verifyPlexJwt",
      scenario: "signature, iss, aud, exp, thumbprint",
      expect: "ok",
      run: async () => {
        const claims = await verify(token ?? "");
        const response = await getPlexJwtKeys(client);
        return { ...response, data: { claims, keys: response.data.keys.length } };
      },
      key: (data) => {
        const { claims, keys: count } = /** @type {{ claims: { exp: number }; keys: number }} */ (data);
        return `valid ${Math.round((claims.exp * 1000 - Date.now()) / 86_400_000)} days, ${count} published keys`;
      },
    },
    {
      operation: "verifyPlexJwt",
      scenario: "tampered signature",
      expect: "PlexInvalidJwtError",
      run: async () => {
        const [head, body, signature = ""] = (token ?? "").split(".");
        await verify(`${head}.${body}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`);
        throw new Error("a tampered token verified");
      },
      key: () => "",
    },
  ];
}
