import {
  createPlexClient,
  createPlexJwtKeySource,
  type DeviceKey,
  generateDeviceKey,
  type PlexClient,
  type PlexJwt,
  refreshJwt,
  registerDeviceKey,
  verifyPlexJwt,
} from "@plex/auth";
import { capturingFetch, type SentRequest } from "../capture-fetch.js";
import { describeError } from "../describe-error.js";
import { maskSecret } from "../mask.js";
import { proxiedFetch } from "../proxied-fetch.js";
import type { Mode, Target } from "../settings.js";
import { dataTree } from "./data-tree.js";
import { h, uniqueId } from "./dom.js";

export interface JwtPanelContext {
  mode: Mode;
  target: () => Target;
}

/** The key and token live as long as the page: a reload starts over (a real app would store them). */
let key: DeviceKey | undefined;
let jwt: PlexJwt | undefined;

function clientFor(context: JwtPanelContext, onSend: (sent: SentRequest) => void): PlexClient {
  const target = context.target();
  const transport = context.mode === "live" ? proxiedFetch() : globalThis.fetch.bind(globalThis);
  return createPlexClient({
    clientIdentifier: target.clientIdentifier,
    product: "Plex SDK Playground",
    plexTvURL: target.plexTvURL,
    ...(target.token ? { accessToken: target.token } : {}),
    fetch: capturingFetch(transport, onSend),
  });
}

function expiryText(expiresAt: number, now = Date.now()): string {
  const left = Math.round((expiresAt - now) / 1000);
  if (left <= 0) return "expired";
  const days = Math.floor(left / 86_400);
  const hours = Math.floor((left % 86_400) / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  return `expires in ${days} d ${hours} h ${minutes} min`;
}

/**
 * Device key (JWT): generate an Ed25519 key, register it with the account token, trade it for a Plex JWT and
 * verify that JWT against Plex's published keys, showing the decoded claims and the time left.
 */
export function jwtPanelView(context: JwtPanelContext): HTMLElement {
  const headingId = uniqueId("jwt-title");
  const output = h("div", { class: "output", "aria-live": "polite" });
  const keyState = h("p", { class: "muted key-state" }, key ? `Key ${key.kid}` : "No device key yet.");

  const show = (outcome: "ok" | "error", lines: (string | HTMLElement)[], sent: SentRequest[]) => {
    const requests = sent.map((request) => `${request.method} ${request.url}`);
    output.replaceChildren(
      h(
        "div",
        { class: "result", "data-outcome": outcome },
        ...lines.map((line) => (typeof line === "string" ? h("p", {}, line) : line)),
        ...(requests.length
          ? [
              h(
                "pre",
                { class: "sent", style: "white-space: pre-wrap; overflow-wrap: anywhere" },
                requests.join("\n"),
              ),
            ]
          : []),
      ),
    );
  };

  const step = (label: string, work: (client: PlexClient) => Promise<(string | HTMLElement)[]>) => {
    const button = h("button", { type: "button", class: "primary" }, label);
    button.addEventListener("click", async () => {
      const sent: SentRequest[] = [];
      try {
        show("ok", await work(clientFor(context, (request) => sent.push(request))), sent);
      } catch (error) {
        const described = describeError(error);
        show(
          "error",
          [
            `${described.className}${described.statusCode ? ` (HTTP ${described.statusCode})` : ""}: ${described.message}`,
            described.advice,
          ],
          sent,
        );
      }
      keyState.textContent = key ? `Key ${key.kid}` : "No device key yet.";
    });
    return button;
  };

  const needKey = (): DeviceKey => {
    if (!key) throw new Error("Generate a device key first.");
    return key;
  };

  const buttons = h(
    "div",
    { class: "presets" },
    step("Generate device key", async () => {
      key = await generateDeviceKey();
      jwt = undefined;
      return [`New Ed25519 key, kid ${key.kid} (RFC 7638 thumbprint). The private key stays in this page.`];
    }),
    step("Register device key", async (client) => {
      await registerDeviceKey(client, { key: needKey() });
      return ["Registered with the account token (POST /auth/jwk)."];
    }),
    step("Refresh JWT", async (client) => {
      jwt = await refreshJwt(client, { key: needKey() });
      return [`Plex JWT ${maskSecret(jwt.token)}, ${expiryText(jwt.expiresAt)}.`];
    }),
    step("Verify JWT", async (client) => {
      if (!jwt) throw new Error("Refresh a JWT first.");
      const claims = await verifyPlexJwt(jwt.token, {
        keys: createPlexJwtKeySource(client),
        clientIdentifier: client.options.clientIdentifier,
        key: needKey(),
      });
      return [
        `Verified: EdDSA signature, issuer, audience, thumbprint; ${expiryText(claims.exp * 1000)}.`,
        dataTree(claims, "claims"),
      ];
    }),
  );

  return h(
    "section",
    {
      class: "panel",
      "data-operation": "device-key-jwt",
      "aria-labelledby": headingId,
      // kids and tokens are long unbroken words: let them wrap on a phone.
      style: "overflow-wrap: anywhere",
    },
    h("h2", { id: headingId }, "Device key (JWT)"),
    h(
      "p",
      { class: "muted" },
      "Stay signed in without a password: an Ed25519 device key registered once, traded for Plex JWTs valid 7 days. Uses the token in Settings to register.",
    ),
    keyState,
    buttons,
    output,
  );
}
