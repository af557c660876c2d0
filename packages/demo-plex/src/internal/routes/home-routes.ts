import { DEMO_HOME, DEMO_TOKENS } from "../../constants.js";
import { checkToken } from "../authenticate.js";
import type { DemoContext, DemoRoute } from "../context.js";
import { invalidToken, notFound, plexError, respondWith, tokenExpired } from "../respond.js";
import { ERRORS } from "./errors.js";

const avatar = (uuid: string) => `https://plex.tv/users/${uuid}/avatar?c=1717171717`;

/** The Home's members as `GET /api/v2/home/users` lists them (made-up people, real field names). */
const MEMBERS = [
  {
    id: 1001,
    uuid: DEMO_HOME.adminUuid,
    title: "demo-viewer",
    username: "demo-viewer",
    email: "demo@example.com",
    thumb: avatar(DEMO_HOME.adminUuid),
    hasPassword: true,
    restricted: false,
    restrictionProfile: null,
    admin: true,
    guest: false,
    protected: false,
  },
  {
    id: 1002,
    uuid: DEMO_HOME.memberUuid,
    title: "Robin",
    username: "robin-demo",
    email: "robin@example.com",
    thumb: avatar(DEMO_HOME.memberUuid),
    hasPassword: true,
    restricted: false,
    restrictionProfile: null,
    admin: false,
    guest: false,
    protected: true,
  },
  {
    id: 1003,
    uuid: DEMO_HOME.managedUuid,
    title: "Kids",
    username: null,
    email: null,
    thumb: avatar(DEMO_HOME.managedUuid),
    hasPassword: false,
    restricted: true,
    restrictionProfile: "little_kid",
    admin: false,
    guest: false,
    protected: false,
  },
] as const;

const TOKEN_OF: Record<string, string> = {
  [DEMO_HOME.memberUuid]: DEMO_TOKENS.homeMember,
  [DEMO_HOME.managedUuid]: DEMO_TOKENS.homeManaged,
};

function accountOf(member: (typeof MEMBERS)[number], token: string): Record<string, unknown> {
  const { admin, restrictionProfile: _profile, ...rest } = member;
  return {
    ...rest,
    authToken: token,
    // Plex sends a hash of the Home PIN here: a secret, like authToken.
    pin: member.protected ? "demo-hashed-pin-0f9e" : null,
    home: true,
    homeAdmin: admin,
    homeSize: MEMBERS.length,
    maxHomeSize: 15,
    providers: [],
    anonymous: null,
  };
}

/** The account a Home member's token belongs to, for `GET /api/v2/user`. */
export function homeAccountOf(token: string): Record<string, unknown> | undefined {
  const member = MEMBERS.find((candidate) => TOKEN_OF[candidate.uuid] === token);
  return member ? accountOf(member, token) : undefined;
}

function refuse(context: DemoContext): Response | null {
  const check = checkToken(context);
  if (check.kind === "revoked") return invalidToken();
  if (check.kind === "expired") return tokenExpired(context.request);
  return check.kind === "valid" ? null : plexError(context.request, ERRORS.unauthorized);
}

/** `GET /api/v2/home/users`: the Home with an admin, a PIN-protected member and a managed user. */
export const homeUsersRoute: DemoRoute = (context) => {
  const refused = refuse(context);
  if (refused) return refused;
  return respondWith(context.request, 200, "home", {
    id: 5005,
    name: "Demo Home",
    guestUserID: 1999,
    guestUserUUID: "0f0f0f0f0f0f0f0f",
    guestEnabled: false,
    subscription: true,
    users: MEMBERS.map((member) => ({ ...member })),
  });
};

/**
 * `POST /api/v2/home/users/{uuid}/switch?pin=…`: the member's account with their own token. A protected member
 * needs the right PIN: missing or wrong gets 403 code 1041, as plex.tv answers.
 */
export const switchHomeUserRoute: DemoRoute = (context) => {
  const refused = refuse(context);
  if (refused) return refused;
  const uuid = decodeURIComponent(context.url.pathname.split("/").at(-2) ?? "");
  const member = MEMBERS.find((candidate) => candidate.uuid === uuid);
  if (!member) return notFound(context.request);
  if (member.protected && context.url.searchParams.get("pin") !== DEMO_HOME.memberPin) {
    return plexError(context.request, ERRORS.homePinRequired);
  }
  const token = TOKEN_OF[member.uuid] ?? DEMO_TOKENS.account;
  return respondWith(context.request, 201, "user", accountOf(member, token));
};
