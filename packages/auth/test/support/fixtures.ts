// Our own data, shaped like the real Plex answers in ../shared/plex-api/samples (names and values are made up).

export const TRANSIENT_TOKEN = "transient-5e0c11aa-7d42-4d5b-9c1e-0f3b2a6d8e71";

export const transientTokenJson = { MediaContainer: { size: 0, token: TRANSIENT_TOKEN } };
export const transientTokenXml = `<?xml version="1.0" encoding="UTF-8"?>
<MediaContainer size="0" token="${TRANSIENT_TOKEN}"></MediaContainer>`;

export const SOURCE_ACCESS_TOKEN = "transient-src-41c9";

export const sourceConnectionJson = {
  MediaContainer: {
    size: 1,
    Device: {
      name: "Attic Server",
      clientIdentifier: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
      accessToken: SOURCE_ACCESS_TOKEN,
      Connection: [
        {
          protocol: "https",
          address: "10.20.30.40",
          port: 32400,
          uri: "https://10-20-30-40.0011223344556677.plex.direct:32400",
          local: true,
          relay: false,
        },
        {
          protocol: "https",
          address: "203.0.113.9",
          port: 8443,
          uri: "https://203-0-113-9.0011223344556677.plex.direct:8443",
          local: false,
          relay: true,
        },
      ],
    },
  },
};

// One <Connection>: XML has no arrays, so this is the case where the schema must still give an array.
export const sourceConnectionXml = `<MediaContainer size="1">
  <Device name="Attic Server" clientIdentifier="a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" accessToken="${SOURCE_ACCESS_TOKEN}">
    <Connection protocol="https" address="10.20.30.40" uri="https://10-20-30-40.0011223344556677.plex.direct:32400" port="32400" local="1" />
  </Device>
</MediaContainer>`;

export const ACCOUNT_AUTH_TOKEN = "fixture-auth-token-c0ffee";

export const userJson = {
  id: 777001,
  uuid: "f00dfeedc0de1234",
  username: "river.tester",
  title: "River Tester",
  email: "river.tester@example.org",
  friendlyName: "River",
  locale: null,
  confirmed: true,
  joinedAt: 1600000000,
  emailOnlyAuth: false,
  hasPassword: true,
  protected: false,
  thumb: "https://plex.tv/users/f00dfeedc0de1234/avatar?c=1700000000",
  authToken: ACCOUNT_AUTH_TOKEN,
  mailingListStatus: "unsubscribed",
  mailingListActive: false,
  scrobbleTypes: "",
  country: "NZ",
  subscription: {
    active: true,
    subscribedAt: "2021-05-01T10:00:00Z",
    status: "Active",
    paymentService: "braintree",
    plan: "yearly",
    features: ["home", "sync"],
  },
  subscriptionDescription: "Plex Pass (yearly)",
  restricted: false,
  anonymous: null,
  home: true,
  guest: false,
  homeSize: 2,
  homeAdmin: true,
  maxHomeSize: 15,
  rememberExpiresAt: 1800000000,
  profile: {
    autoSelectAudio: true,
    defaultAudioLanguage: "en",
    defaultSubtitleLanguage: "en",
    autoSelectSubtitle: 1,
    defaultSubtitleAccessibility: 0,
    defaultSubtitleForced: 0,
  },
  entitlements: ["all"],
  roles: ["plexpass"],
  subscriptions: [],
  pastSubscriptions: [],
  trials: [],
  services: [
    {
      identifier: "metadata",
      endpoint: "https://metadata.provider.example",
      token: "svc-token-1",
      status: "online",
    },
  ],
  adsConsent: null,
  adsConsentSetAt: null,
  adsConsentReminderAt: null,
  experimentalFeatures: false,
  twoFactorEnabled: false,
  backupCodesCreated: false,
};

export const userXml = `<?xml version="1.0" encoding="UTF-8"?>
<user id="777001" uuid="f00dfeedc0de1234" username="river.tester" title="River Tester" email="river.tester@example.org" friendlyName="River" locale="" confirmed="1" joinedAt="1600000000" emailOnlyAuth="0" hasPassword="1" protected="0" thumb="https://plex.tv/users/f00dfeedc0de1234/avatar?c=1700000000" authToken="${ACCOUNT_AUTH_TOKEN}" mailingListStatus="unsubscribed" mailingListActive="0" scrobbleTypes="" country="NZ" subscriptionDescription="" restricted="0" anonymous="" home="1" guest="0" homeSize="2" homeAdmin="1" maxHomeSize="15" rememberExpiresAt="1800000000" experimentalFeatures="0" twoFactorEnabled="0" backupCodesCreated="0">
  <subscription active="1" subscribedAt="2021-05-01 10:00:00 UTC" status="Active" paymentService="braintree" plan="yearly">
    <features>
      <feature id="home"/>
    </features>
  </subscription>
  <profile autoSelectAudio="1" defaultAudioLanguage="en" defaultSubtitleLanguage="en" autoSelectSubtitle="1" defaultSubtitleAccessibility="0" defaultSubtitleForced="0"/>
  <entitlements>
    <entitlement id="all"/>
  </entitlements>
  <roles>
    <role id="plexpass"/>
  </roles>
  <subscriptions>
  </subscriptions>
  <services>
  </services>
</user>`;

export const SIGNED_IN_TOKEN = "fixture-signed-in-token-b4d9";

/** The 201 body of /users/signin: the same account, with the token the sign-in created. */
export const signInJson = { ...userJson, authToken: SIGNED_IN_TOKEN };

/** Error bodies in both encodings plex.tv uses. */
export function errorsJson(code: number, message: string, status: number) {
  return { errors: [{ code, message, status }] };
}

export function errorsXml(code: number, message: string, status: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<errors>
  <error code="${code}" message="${message}" status="${status}"/>
</errors>`;
}

export const invalidTokenXml = `<?xml version="1.0" encoding="UTF-8"?>
<errors>
  <error>Invalid token</error>
</errors>`;

/** Made-up PIN values shaped like plex.tv's `POST /api/v2/pins` answer. */
export const PIN_AUTH_TOKEN = "fixture-pin-token-9e21";
export function pinJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 424242,
    code: "K7QX",
    product: "Auth Tests",
    trusted: false,
    qr: "https://plex.tv/api/v2/pins/qr/K7QX",
    clientIdentifier: "test-client-7f3a",
    location: { code: "NZ", country: "New Zealand", city: "Fixture Town" },
    expiresIn: 900,
    createdAt: "2026-01-01T00:00:00Z",
    expiresAt: "2026-01-01T00:15:00Z",
    authToken: null,
    newRegistration: null,
    ...overrides,
  };
}

export const DEVICE_TOKEN = "fixture-device-token-9e31";

/** `GET /api/v2/resources` as JSON: an owned server with local, remote and relay connections, and a player. */
export const resourcesJson = [
  {
    name: "Attic Server",
    product: "Plex Media Server",
    productVersion: "1.41.3.9314-a0bfb8370",
    platform: "Linux",
    platformVersion: "6.1.0",
    device: "PC",
    clientIdentifier: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
    createdAt: "2023-03-01T10:00:00Z",
    lastSeenAt: "2026-11-30T08:00:00Z",
    provides: "server",
    ownerId: null,
    sourceTitle: null,
    publicAddress: "203.0.113.9",
    accessToken: DEVICE_TOKEN,
    owned: true,
    home: false,
    synced: false,
    relay: true,
    presence: true,
    httpsRequired: false,
    publicAddressMatches: true,
    dnsRebindingProtection: true,
    natLoopbackSupported: false,
    connections: [
      {
        protocol: "https",
        address: "10.20.30.40",
        port: 32400,
        uri: "https://10-20-30-40.0011223344556677.plex.direct:32400",
        local: true,
        relay: false,
        IPv6: false,
      },
      {
        protocol: "https",
        address: "203.0.113.9",
        port: 8443,
        uri: "https://203-0-113-9.0011223344556677.plex.direct:8443",
        local: false,
        relay: true,
        IPv6: false,
      },
    ],
  },
  {
    name: "Kitchen Phone",
    product: "Plex for iOS",
    productVersion: "2024.1",
    platform: "iOS",
    platformVersion: "17.2",
    device: "iPhone",
    clientIdentifier: "kitchen-phone-51aa",
    createdAt: "2024-01-01T10:00:00Z",
    lastSeenAt: "2026-11-29T08:00:00Z",
    provides: "client,player,pubsub-player",
    ownerId: null,
    sourceTitle: null,
    publicAddress: "203.0.113.9",
    accessToken: null,
    owned: true,
    home: false,
    synced: false,
    relay: false,
    presence: false,
    httpsRequired: false,
    publicAddressMatches: true,
    dnsRebindingProtection: false,
    natLoopbackSupported: false,
    connections: [],
  },
];

/** The same list as plex.tv writes it in XML: attributes are strings, null is "", lists are wrapper elements. */
export const resourcesXml = `<?xml version="1.0" encoding="UTF-8"?>
<resources size="2">
  <resource name="Attic Server" product="Plex Media Server" productVersion="1.41.3.9314-a0bfb8370" platform="Linux" platformVersion="6.1.0" device="PC" clientIdentifier="a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" createdAt="2023-03-01T10:00:00Z" lastSeenAt="2026-11-30T08:00:00Z" provides="server" ownerId="" sourceTitle="" publicAddress="203.0.113.9" accessToken="${DEVICE_TOKEN}" owned="1" home="0" synced="0" relay="1" presence="1" httpsRequired="0" publicAddressMatches="1" dnsRebindingProtection="1" natLoopbackSupported="0">
    <connections>
      <connection protocol="https" address="10.20.30.40" port="32400" uri="https://10-20-30-40.0011223344556677.plex.direct:32400" local="1" relay="0" IPv6="0"/>
      <connection protocol="https" address="203.0.113.9" port="8443" uri="https://203-0-113-9.0011223344556677.plex.direct:8443" local="0" relay="1" IPv6="0"/>
    </connections>
  </resource>
  <resource name="Kitchen Phone" product="Plex for iOS" productVersion="2024.1" platform="iOS" platformVersion="17.2" device="iPhone" clientIdentifier="kitchen-phone-51aa" createdAt="2024-01-01T10:00:00Z" lastSeenAt="2026-11-29T08:00:00Z" provides="client,player,pubsub-player" ownerId="" sourceTitle="" publicAddress="203.0.113.9" accessToken="" owned="1" home="0" synced="0" relay="0" presence="0" httpsRequired="0" publicAddressMatches="1" dnsRebindingProtection="0" natLoopbackSupported="0">
    <connections>
    </connections>
  </resource>
</resources>`;
