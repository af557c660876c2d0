import { maskSecret } from "../mask.js";
import { checkServerURL } from "../server-url-check.js";
import { DEMO_IDENTIFIER_NOTE, DEMO_TOKEN_CHOICES, type Mode, type Settings } from "../settings.js";
import { h, uniqueId } from "./dom.js";

export interface SettingsCallbacks {
  onModeChange(mode: Mode): void;
  onNewIdentifier(): string;
  onLiveServerURL(url: string): void;
}

function modeSwitch(settings: Settings, callbacks: SettingsCallbacks): HTMLElement {
  const option = (mode: Mode, label: string, hint: string) => {
    const id = uniqueId(`mode-${mode}`);
    const input = h("input", {
      type: "radio",
      name: "mode",
      id,
      value: mode,
      checked: settings.mode === mode,
    });
    input.addEventListener("change", () => callbacks.onModeChange(mode));
    return h(
      "div",
      { class: "mode-option" },
      input,
      h("label", { for: id }, h("strong", {}, label), h("span", {}, hint)),
    );
  };
  return h(
    "fieldset",
    { class: "mode" },
    h("legend", {}, "Mode"),
    option("demo", "Demo", "a built-in made-up Plex, no account needed"),
    option("live", "Live", "your Plex, through the playground's local proxy"),
  );
}

function tokenState(settings: Settings): string {
  if (settings.mode === "demo") return settings.demoToken === "" ? "none" : maskSecret(settings.demoToken);
  const token = settings.liveToken.get();
  if (token === undefined) return "none (enter one, or sign in)";
  return `${maskSecret(token)} (${settings.liveToken.remembered ? "kept in sessionStorage" : "in memory only"})`;
}

function demoFields(settings: Settings, refresh: () => void): HTMLElement[] {
  const id = uniqueId("demo-token");
  const select = h(
    "select",
    { id, name: "demoToken" },
    ...DEMO_TOKEN_CHOICES.map((choice) =>
      h("option", { value: choice.value, selected: choice.value === settings.demoToken }, choice.label),
    ),
  );
  select.addEventListener("change", () => {
    settings.demoToken = select.value;
    refresh();
  });
  return [h("div", { class: "field" }, h("label", { for: id }, "Demo token"), select)];
}

function liveFields(settings: Settings, callbacks: SettingsCallbacks, refresh: () => void): HTMLElement[] {
  const serverId = uniqueId("server-url");
  const server = h("input", {
    id: serverId,
    name: "serverURL",
    type: "url",
    placeholder: "http://192.168.1.10:32400",
    autocomplete: "url",
  });
  server.value = settings.liveServerURL;
  server.addEventListener("change", () => callbacks.onLiveServerURL(server.value));
  // Checked as it is typed, with the likely fix one click away, before any panel runs into the SDK's refusal.
  const check = h("p", { class: "url-check small", role: "status", "aria-live": "polite" });
  const showCheck = () => {
    const result = checkServerURL(server.value);
    server.setAttribute("aria-invalid", String(!result.ok));
    if (result.ok) {
      check.replaceChildren();
      return;
    }
    const fix =
      result.suggestion === undefined
        ? null
        : h(
            "button",
            {
              type: "button",
              class: "chip",
              onclick: () => {
                server.value = result.suggestion ?? server.value;
                callbacks.onLiveServerURL(server.value);
                showCheck();
              },
            },
            `Use ${result.suggestion}`,
          );
    check.replaceChildren(
      `${result.problem}.`,
      result.suggestion === undefined ? "" : ` Did you mean ${result.suggestion}? `,
      ...(fix === null ? [] : [fix]),
    );
  };
  server.addEventListener("input", showCheck);
  showCheck();

  const tokenId = uniqueId("live-token");
  // type=password keeps the token masked on screen; it is never written back into the input.
  const token = h("input", {
    id: tokenId,
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
  });
  const rememberId = uniqueId("remember");
  const remember = h("input", { id: rememberId, type: "checkbox", checked: settings.liveToken.remembered });
  const apply = () => {
    const next = token.value.trim() === "" ? settings.liveToken.get() : token.value.trim();
    settings.liveToken.set(next, remember.checked);
    token.value = "";
    refresh();
  };
  token.addEventListener("change", apply);
  remember.addEventListener("change", apply);
  const forget = h("button", { type: "button", class: "link" }, "Forget token");
  forget.addEventListener("click", () => {
    settings.liveToken.set(undefined, false);
    remember.checked = false;
    refresh();
  });
  return [
    h("div", { class: "field" }, h("label", { for: serverId }, "Server URL"), server, check),
    h("div", { class: "field" }, h("label", { for: tokenId }, "Token (X-Plex-Token)"), token),
    h(
      "div",
      { class: "field check" },
      remember,
      h("label", { for: rememberId }, "Remember the token for this tab (sessionStorage)"),
    ),
    h("div", {}, forget),
  ];
}

function currentToken(settings: Settings): string | undefined {
  const token = settings.mode === "demo" ? settings.demoToken : settings.liveToken.get();
  return token === "" ? undefined : token;
}

/** Copies whichever token the panels use now (after a sign-in too), without showing it. */
function copyCurrentToken(settings: Settings): HTMLElement {
  const button = h(
    "button",
    { type: "button", class: "chip copy", "aria-label": "Copy the current token" },
    "Copy",
  );
  button.addEventListener("click", () => {
    const token = currentToken(settings);
    if (token === undefined) {
      button.textContent = "No token to copy";
      return;
    }
    navigator.clipboard.writeText(token).then(
      () => {
        button.textContent = "Copied";
      },
      () => {
        button.textContent = "Could not copy";
      },
    );
  });
  return button;
}

/** Mode, identity and credentials: the only state the panels read. */
export function settingsView(settings: Settings, callbacks: SettingsCallbacks): HTMLElement {
  const tokenLine = h("output", { class: "token-state" });
  const refresh = () => {
    tokenLine.textContent = `Current token: ${tokenState(settings)}`;
  };
  refresh();

  const identifier = h("code", { class: "identifier" }, settings.clientIdentifier);
  const renew = h("button", { type: "button", class: "link" }, "New identifier");
  renew.addEventListener("click", () => {
    identifier.textContent = callbacks.onNewIdentifier();
  });

  return h(
    "section",
    { class: "settings", "aria-label": "Settings" },
    modeSwitch(settings, callbacks),
    h(
      "div",
      { class: "settings-grid" },
      h(
        "div",
        { class: "field" },
        h("span", { class: "label" }, "Client identifier (X-Plex-Client-Identifier)"),
        h("div", { class: "identifier-row" }, identifier, renew),
        h(
          "p",
          { class: "muted small" },
          settings.mode === "demo"
            ? DEMO_IDENTIFIER_NOTE
            : "Kept in localStorage so Plex lists this playground as one device.",
        ),
      ),
      ...(settings.mode === "demo"
        ? demoFields(settings, refresh)
        : liveFields(settings, callbacks, refresh)),
    ),
    h("div", { class: "token-row" }, tokenLine, copyCurrentToken(settings)),
  );
}

/** Keeps the token line in sync after a sign-in changed the token. */
export function refreshTokenState(root: HTMLElement, settings: Settings): void {
  const line = root.querySelector(".token-state");
  if (line !== null) line.textContent = `Current token: ${tokenState(settings)}`;
  const select = root.querySelector<HTMLSelectElement>("select[name=demoToken]");
  if (select !== null) select.value = settings.demoToken;
}
