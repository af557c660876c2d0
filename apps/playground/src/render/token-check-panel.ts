import { type PlexAPI, PlexInvalidRequestError, type ValidateTokenResult } from "@plex/auth";
import { describeError } from "../describe-error.js";
import { h, uniqueId } from "./dom.js";

/** valid / invalid (plex.tv rejected it) / unknown (plex.tv could not be asked: keep the token). */
export type TokenVerdict =
  | { verdict: "valid"; detail: string }
  | { verdict: "invalid"; detail: string }
  | { verdict: "unknown"; detail: string };

export function verdictOf(outcome: { result: ValidateTokenResult } | { error: unknown }): TokenVerdict {
  if ("error" in outcome) {
    const described = describeError(outcome.error);
    // Nothing was asked: the input (the server URL, the token) is what to fix, not plex.tv to wait for.
    if (PlexInvalidRequestError.isInstance(outcome.error)) {
      return {
        verdict: "unknown",
        detail: `${described.className}: ${described.message}. ${described.advice}`,
      };
    }
    return {
      verdict: "unknown",
      detail: `${described.className}: ${described.message}. plex.tv could not say; keep the token and try later.`,
    };
  }
  const { result } = outcome;
  if (result.valid) return { verdict: "valid", detail: `signed in as ${result.account.username}` };
  const { statusCode, code, message } = result.reason;
  return {
    verdict: "invalid",
    detail: `HTTP ${statusCode}${code === undefined ? "" : ` · Plex code ${code}`}: ${message}. Sign in again.`,
  };
}

/** Check token: validateToken's three answers, and ping. */
export function tokenCheckPanel(api: () => PlexAPI): HTMLElement {
  const headingId = uniqueId("token-check-title");
  const output = h("div", { class: "output", "aria-live": "polite" });
  const check = h("button", { type: "submit", class: "primary" }, "Check token");
  const ping = h("button", { type: "button", class: "chip" }, "Ping (keep alive)");

  const show = (verdict: TokenVerdict) =>
    output.replaceChildren(
      h(
        "p",
        { class: "status-line", "data-verdict": verdict.verdict },
        h("span", { class: `badge verdict-${verdict.verdict}` }, verdict.verdict),
        ` ${verdict.detail}`,
      ),
    );

  ping.addEventListener("click", async () => {
    try {
      const { data } = await api().authentication.ping();
      output.replaceChildren(h("p", { class: "status-line", "data-ping": String(data) }, `pong: ${data}`));
    } catch (error) {
      show(verdictOf({ error }));
    }
  });

  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        check.disabled = true;
        output.replaceChildren(h("p", { class: "muted" }, "Asking plex.tv…"));
        try {
          show(verdictOf({ result: await api().authentication.validateToken() }));
        } catch (error) {
          show(verdictOf({ error }));
        } finally {
          check.disabled = false;
        }
      },
    },
    h("div", { class: "actions" }, check, ping),
  );

  return h(
    "section",
    { class: "panel", "aria-labelledby": headingId, "data-operation": "token-check" },
    h("h2", { id: headingId }, "Check token"),
    h(
      "p",
      { class: "muted" },
      "Is the token in Settings still good? Invalid only when plex.tv rejects it; a network error or 5xx is unknown, never invalid.",
    ),
    h("code", { class: "call" }, "plex.authentication.validateToken()"),
    form,
    output,
  );
}
