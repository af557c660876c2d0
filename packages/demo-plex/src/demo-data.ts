import {
  DEMO_ACCOUNTS,
  DEMO_PROBE_URIS,
  DEMO_SERVER,
  DEMO_TRANSIENT_TOKEN,
  type DemoConnection,
  type DemoProbeURIs,
} from "./constants.js";
import { DEMO_SHARED_SERVER_ID } from "./internal/probe-connections.js";

/**
 * Our own made-up account, server and devices. Field names and value types follow real plex.tv answers
 * (numbers where Plex sends numbers, `null` where Plex sends `null`), so schemas tested against the demo
 * meet the same shapes as in production; the values themselves are invented.
 */

export type DemoUser = Record<string, unknown> & { readonly email: string; readonly username: string };

const PLAIN_USER_UUID = "7d3e0a1b9c2f4e58";
const TWO_FACTOR_USER_UUID = "2fa0c4d8e1b3f567";

function demoUser(options: {
  id: number;
  uuid: string;
  username: string;
  email: string;
  twoFactor: boolean;
}) {
  return {
    id: options.id,
    uuid: options.uuid,
    username: options.username,
    title: options.username,
    email: options.email,
    friendlyName: "Demo Viewer",
    locale: null,
    confirmed: true,
    joinedAt: 1609459200,
    emailOnlyAuth: false,
    hasPassword: true,
    protected: false,
    thumb: `https://plex.tv/users/${options.uuid}/avatar?c=1717171717`,
    authToken: "",
    mailingListStatus: "unsubscribed",
    mailingListActive: false,
    scrobbleTypes: "",
    country: "NZ",
    subscription: {
      active: true,
      subscribedAt: "2023-02-14T09:30:00Z",
      status: "Active",
      paymentService: "demo-billing",
      plan: "monthly",
      features: ["adaptive_bitrate", "camera_upload", "collections", "federated-auth", "home", "webhooks"],
    },
    subscriptionDescription: "Monthly Plex Pass",
    restricted: false,
    anonymous: false,
    home: true,
    guest: false,
    homeSize: 2,
    homeAdmin: true,
    maxHomeSize: 15,
    rememberExpiresAt: 1767225600,
    profile: {
      autoSelectAudio: true,
      defaultAudioAccessibility: 0,
      defaultAudioLanguage: "en",
      defaultAudioLanguages: null,
      defaultSubtitleLanguage: "en",
      defaultSubtitleLanguages: null,
      autoSelectSubtitle: 1,
      defaultSubtitleAccessibility: 0,
      defaultSubtitleForced: 0,
      watchedIndicator: 1,
      mediaReviewsVisibility: 0,
      mediaReviewsLanguages: null,
    },
    entitlements: ["all", "android", "ios"],
    roles: ["plexpass"],
    subscriptions: [
      {
        id: 90210,
        mode: "monthly",
        renewsAt: 1767225600,
        endsAt: null,
        canceled: false,
        gracePeriod: false,
        onHold: false,
        canReactivate: false,
        canUpgrade: true,
        canDowngrade: false,
        canConvert: false,
        type: "plexpass",
        transfer: null,
        state: "active",
        billing: { paymentMethodId: 4242, internalPaymentMethod: {} },
      },
    ],
    pastSubscriptions: [
      {
        id: null,
        mode: null,
        renewsAt: null,
        endsAt: 1640995200,
        canceled: false,
        gracePeriod: false,
        onHold: false,
        canReactivate: false,
        canUpgrade: false,
        canDowngrade: false,
        canConvert: false,
        type: "plexpass",
        transfer: null,
        state: "ended",
        billing: { paymentMethodId: null, internalPaymentMethod: {} },
      },
    ],
    trials: [],
    services: [
      {
        identifier: "metadata",
        endpoint: "https://metadata.provider.plex.tv",
        token: "demo-service-token-metadata",
        secret: null,
        status: "online",
      },
      {
        identifier: "community",
        endpoint: "https://community.plex.tv",
        token: null,
        secret: null,
        status: "online",
      },
    ],
    adsConsent: null,
    adsConsentSetAt: null,
    adsConsentReminderAt: 1735689600,
    experimentalFeatures: false,
    twoFactorEnabled: options.twoFactor,
    backupCodesCreated: options.twoFactor,
    attributionPartner: null,
  };
}

function demoResources() {
  return [
    {
      name: DEMO_SERVER.name,
      product: "Plex Media Server",
      productVersion: "1.41.6.9606-3b7a4b8c1",
      platform: "Linux",
      platformVersion: "6.1.0-28-amd64",
      device: "PC",
      clientIdentifier: DEMO_SERVER.clientIdentifier,
      createdAt: "2023-02-14T09:45:10Z",
      lastSeenAt: "2026-11-27T22:10:05Z",
      provides: "server",
      ownerId: null,
      sourceTitle: null,
      publicAddress: "203.0.113.45",
      accessToken: DEMO_SERVER.accessToken,
      owned: true,
      home: false,
      synced: false,
      relay: true,
      presence: true,
      httpsRequired: false,
      publicAddressMatches: false,
      dnsRebindingProtection: false,
      natLoopbackSupported: false,
      // Listed from `probeURIs` by the resources route, so they lead wherever the demo is served.
      connections: [] as DemoConnection[],
    },
    {
      name: "Friend's Basement",
      product: "Plex Media Server",
      productVersion: "1.40.2.8395-c67dce28e",
      platform: "Windows",
      platformVersion: "10.0 (Build 19045)",
      device: "PC",
      clientIdentifier: DEMO_SHARED_SERVER_ID,
      createdAt: "2024-06-01T18:00:00Z",
      lastSeenAt: "2026-11-26T07:45:00Z",
      provides: "server",
      ownerId: 77001122,
      sourceTitle: "demo-friend",
      publicAddress: "198.51.100.99",
      accessToken: "demo-shared-server-token-81aa",
      owned: false,
      home: false,
      synced: false,
      relay: true,
      presence: false,
      httpsRequired: true,
      publicAddressMatches: false,
      dnsRebindingProtection: true,
      natLoopbackSupported: false,
      connections: [] as DemoConnection[], // from `probeURIs`, as above
    },
    {
      name: "Living Room TV",
      product: "Plex for Android (TV)",
      productVersion: "10.20.1.3411",
      platform: "Android",
      platformVersion: "12",
      device: "BRAVIA 4K",
      clientIdentifier: "demo-living-room-tv-3c4d",
      createdAt: "2024-01-05T20:00:00Z",
      lastSeenAt: "2026-11-27T21:00:00Z",
      provides: "client,player,pubsub-player",
      ownerId: null,
      sourceTitle: null,
      publicAddress: "203.0.113.45",
      accessToken: "demo-player-token-2b71",
      owned: true,
      home: false,
      synced: false,
      relay: false,
      presence: true,
      httpsRequired: false,
      publicAddressMatches: true,
      dnsRebindingProtection: false,
      natLoopbackSupported: false,
      connections: [],
    },
  ];
}

/** Creates a fresh copy of the demo data: tests may mutate it without affecting other instances. */
export function createDemoData() {
  return {
    users: {
      plain: demoUser({
        id: 31415926,
        uuid: PLAIN_USER_UUID,
        username: "demo-viewer",
        email: DEMO_ACCOUNTS.plain.login,
        twoFactor: false,
      }),
      twoFactor: demoUser({
        id: 27182818,
        uuid: TWO_FACTOR_USER_UUID,
        username: "demo-2fa-viewer",
        email: DEMO_ACCOUNTS.twoFactor.login,
        twoFactor: true,
      }),
    },
    server: DEMO_SERVER,
    transientToken: DEMO_TRANSIENT_TOKEN,
    resources: demoResources(),
    identity: {
      size: 0,
      apiVersion: "1.1.1",
      claimed: true,
      machineIdentifier: DEMO_SERVER.clientIdentifier,
      version: "1.41.6.9606-3b7a4b8c1",
    },
    /** Where the servers' connections lead (see DemoProbeURIs); the node server points them at its sockets. */
    probeURIs: { ...DEMO_PROBE_URIS } as DemoProbeURIs,
    /** Pins created through `POST /api/v2/pins`, by id. */
    pins: new Map<number, DemoPin>(),
  };
}

export type DemoData = ReturnType<typeof createDemoData>;

export interface DemoPin {
  id: number;
  code: string;
  product: string;
  trusted: boolean;
  qr: string;
  clientIdentifier: string;
  location: Record<string, string | boolean>;
  expiresIn: number;
  createdAt: string;
  expiresAt: string;
  authToken: string | null;
  newRegistration: boolean | null;
  /** Not on the wire: how many times the pin was polled, to claim it after `pinClaimAfterPolls`. */
  polls: number;
  /** Not on the wire: the device key a JWT PIN login was created with (`{ jwk }` in the body). */
  jwk?: { x: string; kid: string };
  /** Not on the wire: the Plex JWT such a PIN hands out once claimed, in place of the classic token. */
  plexJwt?: string;
}
