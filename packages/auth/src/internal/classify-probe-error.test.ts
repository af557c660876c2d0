import { PlexAPIError, PlexConnectionError, PlexTimeoutError, PlexValidationError } from "@plex/core";
import { describe, expect, it } from "vitest";
import { classifyProbeError } from "./classify-probe-error.js";

// What undici throws: TypeError("fetch failed") with the socket error as `cause`.
const fetchFailed = (code: string, message: string) =>
  new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });

// Core with the original error kept as `cause` (the wip-core change), and core before it (text only).
const withCause = (code: string, message: string) =>
  new PlexConnectionError(`Could not complete findBestConnection with h: ${code}: ${message}`, {
    host: "h",
    cause: fetchFailed(code, message),
  });
const textOnly = (code: string, message: string) =>
  new PlexConnectionError(`Could not complete findBestConnection with h: ${code}: ${message}`, { host: "h" });

describe("classifyProbeError", () => {
  it.each([
    ["ECONNREFUSED", "connect ECONNREFUSED 10.0.0.5:32400", "refused"],
    ["ENOTFOUND", "getaddrinfo ENOTFOUND 10-0-0-5.abc.plex.direct", "dns"],
    ["EAI_AGAIN", "getaddrinfo EAI_AGAIN 10-0-0-5.abc.plex.direct", "dns"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames", "tls"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate", "tls"],
    ["CERT_HAS_EXPIRED", "certificate has expired", "tls"],
    ["ECONNRESET", "read ECONNRESET", "unreachable"],
  ])("%s → from the cause chain and from the message alone", (code, message, reason) => {
    expect(classifyProbeError(withCause(code, message)).reason).toBe(reason);
    expect(classifyProbeError(textOnly(code, message)).reason).toBe(reason);
  });

  it("reads a code two levels down (cause.cause.code)", () => {
    const error = new PlexConnectionError("Could not complete it", {
      host: "h",
      cause: new TypeError("fetch failed", { cause: fetchFailed("ECONNREFUSED", "nope") }),
    });
    expect(classifyProbeError(error).reason).toBe("refused");
  });

  it("sorts the SDK's other errors", () => {
    expect(classifyProbeError(new PlexTimeoutError("timed out after 5 ms", { timeoutMs: 5 })).reason).toBe(
      "timeout",
    );
    expect(classifyProbeError(new PlexAPIError({ message: "Unauthorized", statusCode: 401 }))).toEqual({
      reason: "http-status",
      message: "HTTP 401: Unauthorized",
      statusCode: 401,
    });
    expect(classifyProbeError(new PlexValidationError("Expected JSON or XML", {})).reason).toBe(
      "invalid-answer",
    );
    expect(classifyProbeError(new TypeError("Failed to fetch")).reason).toBe("unreachable");
  });
});
