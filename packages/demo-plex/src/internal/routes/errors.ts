import { DEMO_ERROR_CODES } from "../../constants.js";
import type { PlexErrorEntry } from "../respond.js";

/** The error entries the demo sends, with the wording plex.tv uses. */
export const ERRORS = {
  clientIdentifierMissing: {
    code: DEMO_ERROR_CODES.clientIdentifierMissing,
    message: "X-Plex-Client-Identifier is missing",
    status: 400,
  },
  unauthorized: {
    code: DEMO_ERROR_CODES.unauthorized,
    message: "User could not be authenticated",
    status: 401,
  },
  rateLimited: { code: DEMO_ERROR_CODES.rateLimited, message: "API rate limit exceeded", status: 429 },
  verificationCodeRequired: {
    code: DEMO_ERROR_CODES.verificationCodeRequired,
    message: "Please enter the verification code",
    status: 401,
  },
  repeatedFailures: {
    code: DEMO_ERROR_CODES.repeatedFailures,
    message:
      "User could not be authenticated. This IP appears to be having trouble signing in to an account (detected repeated failures)",
    status: 401,
  },
  homePinRequired: {
    code: DEMO_ERROR_CODES.homePinRequired,
    message: "A valid PIN is required to perform this action",
    status: 403,
  },
  pinNotFound: { code: DEMO_ERROR_CODES.pinNotFound, message: "Code not found or expired", status: 404 },
} as const satisfies Record<string, PlexErrorEntry>;
