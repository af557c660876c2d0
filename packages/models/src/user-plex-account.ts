import * as z from "zod/mini";
import { bool, nullableBool, nullableNum, nullableStr, num, str } from "./internal/coerce.js";
import { idOf, list } from "./internal/lists.js";
import { looseObject, type Named } from "./internal/loose-object.js";
import { filled, openEnum } from "./internal/strings.js";

const strings = /* @__PURE__ */ z.optional(z.nullable(z.array(z.string())));

/** The account's playback preferences (`profile`). Numeric modes are Plex's own codes (0, 1, 2, 3). */
export const UserProfileSchema = /* @__PURE__ */ looseObject({
  /** If the account has automatically select audio and subtitle tracks enabled. */
  autoSelectAudio: z.optional(bool),
  /** The preferred audio language for the account. */
  defaultAudioLanguage: nullableStr,
  /** The audio accessibility mode (0 prefer non-accessibility … 3 only non-accessibility). */
  defaultAudioAccessibility: z.optional(num),
  /** The preferred audio languages for the account. */
  defaultAudioLanguages: strings,
  /** The preferred subtitle language for the account. */
  defaultSubtitleLanguage: nullableStr,
  /** The preferred subtitle languages for the account. */
  defaultSubtitleLanguages: strings,
  /** The auto-select subtitle mode (0 manually selected, 1 shown with foreign audio, 2 always enabled). */
  autoSelectSubtitle: z.optional(num),
  /** The SDH subtitles mode (0 prefer non-SDH … 3 only non-SDH). */
  defaultSubtitleAccessibility: z.optional(num),
  /** The forced subtitles mode (0 prefer non-forced … 3 only non-forced). */
  defaultSubtitleForced: z.optional(num),
  /** Whether media watched indicators are shown (0 none … 3 TV shows). */
  watchedIndicator: z.optional(num),
  /** Who the media reviews come from (0 no one … 3 Plex users and critics). */
  mediaReviewsVisibility: z.optional(num),
  /** The languages for media reviews visibility. */
  mediaReviewsLanguages: strings,
});
export interface UserProfile extends z.output<typeof UserProfileSchema> {}

/** The account's Plex Pass subscription (`subscription`). */
export const SubscriptionSchema = /* @__PURE__ */ looseObject({
  /** If the account's Plex Pass subscription is active. */
  active: z.optional(bool),
  /** Date the account subscribed to Plex Pass. */
  subscribedAt: nullableStr,
  /** String representation of `active`. */
  status: z.optional(openEnum(["Inactive", "Active"])),
  /** Payment service used for the Plex Pass subscription. */
  paymentService: nullableStr,
  /** Name of the Plex Pass subscription plan. */
  plan: nullableStr,
  /** Features allowed on the subscription (XML: `<features><feature id="…"/></features>`). */
  features: z.optional(list(z.string(), "feature", idOf)),
});
export interface Subscription extends z.output<typeof SubscriptionSchema> {}

/** One entry of `subscriptions` or `pastSubscriptions`: a billing record (`type`, `state`, dates in epoch seconds). */
export const SubscriptionRecordSchema = /* @__PURE__ */ looseObject({
  id: z.optional(z.nullable(str)),
  mode: nullableStr,
  renewsAt: nullableNum,
  endsAt: nullableNum,
  canceled: z.optional(bool),
  gracePeriod: z.optional(bool),
  onHold: z.optional(bool),
  canReactivate: z.optional(bool),
  canUpgrade: z.optional(bool),
  canDowngrade: z.optional(bool),
  canConvert: z.optional(bool),
  /** The product, e.g. `plexpass`. */
  type: z.optional(z.string()),
  transfer: nullableStr,
  state: z.optional(openEnum(["active", "ended"])),
  // `internalPaymentMethod` (an object) is kept by the loose object; nothing in it is typed yet.
  billing: z.optional(
    looseObject({
      paymentMethodId: nullableNum,
    }),
  ),
});
export interface SubscriptionRecord extends z.output<typeof SubscriptionRecordSchema> {}

/** A Plex service the account may use (`services`), with its endpoint and credentials. */
export const ServiceSchema = /* @__PURE__ */ looseObject({
  identifier: z.optional(z.string()),
  endpoint: z.optional(z.string()),
  token: nullableStr,
  secret: nullableStr,
  status: z.optional(openEnum(["online", "offline"])),
});
export interface Service extends z.output<typeof ServiceSchema> {}

/**
 * The plex.tv account (`GET /api/v2/user`, `POST /api/v2/users/signin`). Only `authToken` is required: the rest
 * is optional because plex.tv has dropped fields before, and an SDK must not fail a sign-in over a missing list.
 */
export const UserPlexAccountSchema = /* @__PURE__ */ looseObject({
  /** The Plex account ID. */
  id: z.optional(num),
  /** The account UUID. */
  uuid: z.optional(z.string()),
  /** The account username (null for a Plex Home managed user, who has no plex.tv login). */
  username: nullableStr,
  /** The title of the account (username or friendly name). */
  title: z.optional(z.string()),
  /** The account email address (null for a Plex Home managed user). */
  email: nullableStr,
  /** The account full name. */
  friendlyName: z.optional(z.string()),
  /** The account locale. */
  locale: nullableStr,
  /** If the account has been confirmed. */
  confirmed: z.optional(bool),
  /** Unix epoch seconds when the account was created. */
  joinedAt: z.optional(num),
  /** If login with email only is enabled. */
  emailOnlyAuth: z.optional(bool),
  /** If the account has a password. */
  hasPassword: z.optional(bool),
  /** If the account has a Plex Home PIN enabled. */
  protected: z.optional(bool),
  /** URL of the account thumbnail. */
  thumb: z.optional(z.string()),
  /** The account token. */
  authToken: filled("authToken"),
  /** Current mailing list status. */
  mailingListStatus: z.optional(openEnum(["active", "unsubscribed", "removed"])),
  /** If the account is subscribed to the Plex newsletter. */
  mailingListActive: z.optional(bool),
  scrobbleTypes: z.optional(z.string()),
  /** The account country (two letters). */
  country: z.optional(z.string()),
  /** [Deprecated by Plex] The hashed Plex Home PIN: a secret, redacted like `authToken`. null without a PIN. */
  pin: nullableStr,
  /** The Plex Pass subscription. */
  subscription: z.optional(SubscriptionSchema as Named<Subscription>),
  /** Description of the Plex Pass subscription. */
  subscriptionDescription: nullableStr,
  /** If the account is a Plex Home managed user. */
  restricted: z.optional(bool),
  anonymous: nullableBool,
  /** If the account is a Plex Home user. */
  home: z.optional(bool),
  /** If the account is a Plex Home guest user. */
  guest: z.optional(bool),
  /** The number of accounts in the Plex Home. */
  homeSize: z.optional(num),
  /** If the account is the Plex Home admin. */
  homeAdmin: z.optional(bool),
  /** The maximum number of accounts allowed in the Plex Home. */
  maxHomeSize: z.optional(num),
  /** Unix epoch seconds when the remembered session expires. */
  rememberExpiresAt: z.optional(num),
  /** Playback preferences. */
  profile: z.optional(UserProfileSchema as Named<UserProfile>),
  /** Devices the account may use (XML: `<entitlements><entitlement id="…"/></entitlements>`). */
  entitlements: z.optional(list(z.string(), "entitlement", idOf)),
  /** [May be removed by Plex] Account roles; Plex Pass is listed here. */
  roles: z.optional(list(z.string(), "role", idOf)),
  /** Current subscriptions. */
  subscriptions: z.optional(list(SubscriptionRecordSchema as Named<SubscriptionRecord>, "subscription")),
  /** Ended subscriptions (optional: plex.tv has dropped this list before). */
  pastSubscriptions: z.optional(
    list(SubscriptionRecordSchema as Named<SubscriptionRecord>, "pastSubscription"),
  ),
  /** Trials (optional: plex.tv has dropped this list before). */
  trials: z.optional(list(looseObject({}), "trial")),
  /** Plex services with their endpoints and tokens. */
  services: z.optional(list(ServiceSchema as Named<Service>, "service")),
  adsConsent: nullableBool,
  /** Unix epoch seconds. */
  adsConsentSetAt: nullableNum,
  /** Unix epoch seconds. */
  adsConsentReminderAt: nullableNum,
  /** If experimental features are enabled. */
  experimentalFeatures: z.optional(bool),
  /** If two-factor authentication is enabled. */
  twoFactorEnabled: z.optional(bool),
  /** If the two-factor authentication backup codes have been created. */
  backupCodesCreated: z.optional(bool),
  attributionPartner: nullableStr,
});
export interface UserPlexAccount extends z.output<typeof UserPlexAccountSchema> {}
