import {
  GetTransientTokenType,
  type PlexAPI,
  type PlexResponse,
  type PostUsersSignInDataRequestBody,
  Scope,
} from "@plex/auth";
import { DEMO_ACCOUNTS } from "@plex/demo-plex";
import type { Target } from "./settings.js";

export interface FieldSpec {
  name: string;
  label: string;
  kind: "text" | "password" | "checkbox";
  autocomplete?: string;
  placeholder?: string;
  /** Inputmode/pattern hints for phones (the 2FA code). */
  inputmode?: "numeric";
  initial(target: Target): string | boolean;
}

export type FieldValues = Record<string, string | boolean>;

export interface Preset {
  label: string;
  values: FieldValues;
}

export interface OperationSpec {
  id: string;
  title: string;
  /** The button's accessible name: says the operation. */
  action: string;
  /** SDK call shown under the title. */
  call: string;
  description: string;
  fields: FieldSpec[];
  /** Demo-mode shortcuts that fill the fields with a scenario. */
  demoPresets?: Preset[];
  /** "pms" for media server operations: they use the connected server's own token when one is picked. */
  server?: "pms" | "plextv";
  run(api: PlexAPI, values: FieldValues): Promise<PlexResponse<unknown>>;
}

const text = (values: FieldValues, name: string): string => {
  const value = values[name];
  return typeof value === "string" ? value.trim() : "";
};

export const OPERATIONS: readonly OperationSpec[] = [
  {
    id: "transient-token",
    server: "pms",
    title: "Transient token",
    action: "Get transient token",
    call: 'plex.authentication.getTransientToken({ type: "delegation", scope: "all" })',
    description:
      "A short-lived token from the media server, for handing to another app without sharing yours.",
    fields: [],
    run: (api) =>
      api.authentication.getTransientToken({ type: GetTransientTokenType.Delegation, scope: Scope.All }),
  },
  {
    id: "source-connection",
    server: "pms",
    title: "Source connection information",
    action: "Get source connection information",
    call: "plex.authentication.getSourceConnectionInformation({ source })",
    description: "How to reach a server (its connections) and the token to use with it.",
    fields: [
      {
        name: "source",
        label: "Source",
        kind: "text",
        placeholder: "server://<machineIdentifier>",
        initial: (target) => target.defaultSource,
      },
      { name: "refresh", label: "Refresh (ask plex.tv again)", kind: "checkbox", initial: () => false },
    ],
    run: (api, values) =>
      api.authentication.getSourceConnectionInformation({
        source: text(values, "source"),
        ...(values.refresh === true ? { refresh: true } : {}),
      }),
  },
  {
    id: "token-details",
    title: "Token details",
    action: "Get token details",
    call: "plex.authentication.getTokenDetails()",
    description: "The plex.tv account behind the current token (Settings).",
    fields: [],
    run: (api) => api.authentication.getTokenDetails(),
  },
  {
    id: "sign-in",
    title: "Sign in",
    action: "Sign in",
    call: "plex.authentication.postUsersSignInData({ requestBody })",
    description: "Sign in with a login and password; the token it returns is then used by the other panels.",
    fields: [
      {
        name: "login",
        label: "Login (email or username)",
        kind: "text",
        autocomplete: "username",
        initial: () => "",
      },
      {
        name: "password",
        label: "Password",
        kind: "password",
        autocomplete: "current-password",
        initial: () => "",
      },
      {
        name: "verificationCode",
        label: "2FA code",
        kind: "text",
        autocomplete: "one-time-code",
        inputmode: "numeric",
        placeholder: "6 digits, if the account uses 2FA",
        initial: () => "",
      },
      {
        name: "rememberMe",
        label: "Remember me (longer-lived token)",
        kind: "checkbox",
        initial: () => false,
      },
    ],
    demoPresets: [
      { label: "Plain account", values: { ...DEMO_ACCOUNTS.plain, verificationCode: "" } },
      { label: "2FA, no code", values: { ...DEMO_ACCOUNTS.twoFactor, verificationCode: "" } },
      { label: "2FA with code", values: { ...DEMO_ACCOUNTS.twoFactor } },
      {
        label: "Wrong password",
        values: { login: DEMO_ACCOUNTS.plain.login, password: "wrong", verificationCode: "" },
      },
      { label: "Rate limited", values: { ...DEMO_ACCOUNTS.rateLimited, verificationCode: "" } },
      { label: "Locked out", values: { ...DEMO_ACCOUNTS.locked, verificationCode: "" } },
    ],
    run: (api, values) => {
      const code = text(values, "verificationCode");
      const requestBody: PostUsersSignInDataRequestBody = {
        login: text(values, "login"),
        password: typeof values.password === "string" ? values.password : "",
        rememberMe: values.rememberMe === true,
        ...(code === "" ? {} : { verificationCode: code }),
      };
      return api.authentication.postUsersSignInData({ requestBody });
    },
  },
];
