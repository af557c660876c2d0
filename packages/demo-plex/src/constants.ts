/**
 * The demo scenarios, fixed by docs/ARCHITECTURE.md. Every package's tests and the playground use these names,
 * so changing a value here changes what the whole workspace expects.
 */

/** Any non-empty client identifier works; this is the one tests and the tour send. */
export const DEMO_CLIENT_IDENTIFIER = "demo-client-0001";

export const DEMO_TOKENS = {
  /** The demo account's token: `/api/v2/user` 200, `/security/*` 200. */
  account: "demo-account-token-4c1f",
  /** A deauthorised token: plex.tv answers 422 `<errors><error>Invalid token</error></errors>`. */
  revoked: "demo-revoked-token-9a7e",
  /** The `authToken` a successful sign-in as `DEMO_ACCOUNTS.plain` returns; valid afterwards like `account`. */
  signedIn: "demo-signed-in-token-77b2",
  /**
   * The `authToken` a successful sign-in as `DEMO_ACCOUNTS.twoFactor` returns: `/api/v2/user` with it answers
   * that account (`demo-2fa-viewer`), so a sign-in and the token details that follow agree.
   */
  signedInTwoFactor: "demo-2fa-signed-in-token-c5d8",
  /** The PIN-protected Home member's token, from `POST /api/v2/home/users/{uuid}/switch` with the right PIN. */
  homeMember: "demo-home-member-token-3e81",
  /** The managed Home user's token (no PIN). */
  homeManaged: "demo-home-managed-token-6a52",
} as const;

/** The demo Plex Home: an admin (the plain demo account), a PIN-protected member and a managed user. */
export const DEMO_HOME = {
  adminUuid: "7d3e0a1b9c2f4e58",
  memberUuid: "4b8e2c6a0d1f3957",
  /** The member's Home PIN. A wrong or missing PIN gets 403 code 1041. */
  memberPin: "2468",
  managedUuid: "9c1a5e7b3d2f0846",
} as const;

/** The demo plays clients.plex.tv too: JWT-flow settings. */
export const DEMO_JWT = {
  /** Plex JWT lifetime: 7 days, as Plex issues them. */
  lifetimeSec: 7 * 24 * 60 * 60,
  /** A nonce is good for one exchange within 5 minutes. */
  nonceLifetimeSec: 5 * 60,
  /** More nonces than this per client identifier per minute get 429 code 1003. */
  noncesPerMinute: 30,
} as const;

export interface DemoCredentials {
  readonly login: string;
  readonly password: string;
  readonly verificationCode?: string;
}

export const DEMO_ACCOUNTS = {
  /** Sign-in 201. */
  plain: { login: "demo@example.com", password: "demo-password" },
  /** Without the code, or with a wrong one: 401 code 1029. With it: 201. */
  twoFactor: { login: "2fa@example.com", password: "demo-password", verificationCode: "123456" },
  /** 429 code 1003 as XML, without Retry-After (as plex.tv does). */
  rateLimited: { login: "busy@example.com", password: "demo-password" },
  /** 401 code 1031 as XML: "detected repeated failures". */
  locked: { login: "locked@example.com", password: "demo-password" },
} as const satisfies Record<string, DemoCredentials>;

export interface DemoConnection {
  readonly protocol: "http" | "https";
  readonly address: string;
  readonly port: number;
  readonly uri: string;
  readonly local: boolean;
  readonly relay: boolean;
  readonly IPv6: boolean;
}

export interface DemoServer {
  readonly name: string;
  readonly clientIdentifier: string;
  /** The server-scoped token `/security/resources` hands out for this server. */
  readonly accessToken: string;
  readonly connections: readonly DemoConnection[];
}

const DEMO_SERVER_HASH = "0d3e5a7c9b1f42e6a8c0d2e4f6a8b0c2";

/** What `/security/resources?source=server://<clientIdentifier>` describes. Addresses are documentation ranges. */
export const DEMO_SERVER: DemoServer = {
  name: "Demo Attic Server",
  clientIdentifier: "demo0server0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e",
  accessToken: "demo-server-access-token-5d09",
  connections: [
    {
      protocol: "https",
      address: "192.168.50.20",
      port: 32400,
      uri: `https://192-168-50-20.${DEMO_SERVER_HASH}.plex.direct:32400`,
      local: true,
      relay: false,
      IPv6: false,
    },
    {
      protocol: "https",
      address: "203.0.113.45",
      port: 41234,
      uri: `https://203-0-113-45.${DEMO_SERVER_HASH}.plex.direct:41234`,
      local: false,
      relay: false,
      IPv6: false,
    },
    {
      protocol: "https",
      address: "2001:db8:4a::20",
      port: 41234,
      uri: `https://2001-db8-4a--20.${DEMO_SERVER_HASH}.plex.direct:41234`,
      local: false,
      relay: false,
      IPv6: true,
    },
    {
      protocol: "https",
      address: "198.51.100.7",
      port: 8443,
      uri: `https://198-51-100-7.${DEMO_SERVER_HASH}.plex.direct:8443`,
      local: false,
      relay: true,
      IPv6: false,
    },
  ],
};

/** Where the demo plex.tv answers by default (the SDK's own default, so demo code needs no override). */
export const DEMO_PLEX_TV_URL = "https://plex.tv/api/v2";
/** Where real Plex serves the JWT flow; the demo answers there too (same routes, path-based). */
export const DEMO_CLIENTS_URL = "https://clients.plex.tv/api/v2";
/** Where the demo media server answers by default: a name that resolves nowhere, so nothing leaks out. */
export const DEMO_SERVER_URL = "http://demo-plex.local:32400";

/**
 * Where the connections `GET /api/v2/resources` lists for the demo's servers lead, and how each behaves when
 * probed (`GET {uri}/identity`). The defaults are for msw (`@plex/demo-plex/msw` answers each origin);
 * `@plex/demo-plex/node` replaces them with real sockets on 127.0.0.1 / 127.0.0.2.
 */
export interface DemoProbeURIs {
  /** Owned server, local, http: the demo media server itself; answers at once. */
  readonly reachable: string;
  /** Owned server, local, https: a stale LAN address where nothing answers. */
  readonly unreachable: string;
  /** Owned server, remote, https: answers, but only after {@link DEMO_SLOW_PROBE_MS}. */
  readonly slow: string;
  /** Owned server, remote, IPv6 (listed with `includeIPv6=1`): nothing answers. */
  readonly unreachableIPv6: string;
  /** Owned server, relay (listed with `includeRelay=1`): answers at once. */
  readonly relay: string;
  /** The shared server (offline, `presence: false`): nothing answers. */
  readonly sharedOffline: string;
}

/** How long the demo's slow remote connection takes to answer `/identity`. */
export const DEMO_SLOW_PROBE_MS = 1500;

export const DEMO_PROBE_URIS: DemoProbeURIs = {
  reachable: DEMO_SERVER_URL,
  unreachable: `https://192-168-50-20.${DEMO_SERVER_HASH}.plex.direct:32400`,
  slow: `https://203-0-113-45.${DEMO_SERVER_HASH}.plex.direct:41234`,
  unreachableIPv6: `https://2001-db8-4a--20.${DEMO_SERVER_HASH}.plex.direct:41234`,
  relay: `https://198-51-100-7.${DEMO_SERVER_HASH}.plex.direct:8443`,
  sharedOffline: "https://198-51-100-99.a1b2c3d4e5f60718293a4b5c6d7e8f90.plex.direct:32400",
};

/** The token `/security/token?type=delegation&scope=all` returns. */
export const DEMO_TRANSIENT_TOKEN = "transient-demo-6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b";

/** Plex's own error codes that the demo plays. */
export const DEMO_ERROR_CODES = {
  clientIdentifierMissing: 1000,
  unauthorized: 1001,
  rateLimited: 1003,
  pinNotFound: 1020,
  verificationCodeRequired: 1029,
  repeatedFailures: 1031,
  homePinRequired: 1041,
} as const;
