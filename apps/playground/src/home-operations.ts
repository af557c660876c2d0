import { DEMO_HOME } from "@plex/demo-plex";
import type { FieldValues, OperationSpec } from "./operations.js";

const text = (values: FieldValues, name: string): string => {
  const value = values[name];
  return typeof value === "string" ? value.trim() : "";
};

/** Plex Home: list the members, switch to one (with the Home PIN when the member is protected). */
export const HOME_OPERATIONS: readonly OperationSpec[] = [
  {
    id: "home-users",
    title: "Plex Home: members",
    action: "List Home users",
    call: "plex.authentication.getHomeUsers()",
    description:
      "The members of the token owner's Plex Home: admin, PIN-protected members and managed users.",
    fields: [],
    run: (api) => api.authentication.getHomeUsers(),
  },
  {
    id: "home-switch",
    title: "Plex Home: switch user",
    action: "Switch Home user",
    call: "plex.authentication.switchHomeUser({ uuid, pin })",
    description:
      "A member's own account and token. A protected member needs their Home PIN (403, Plex code 1041 otherwise); the PIN is masked like a password.",
    fields: [
      { name: "uuid", label: "Member uuid", kind: "text", initial: () => "" },
      {
        name: "pin",
        label: "Home PIN",
        kind: "password",
        autocomplete: "off",
        inputmode: "numeric",
        placeholder: "4 digits, if the member is protected",
        initial: () => "",
      },
    ],
    demoPresets: [
      { label: "Member, right PIN", values: { uuid: DEMO_HOME.memberUuid, pin: DEMO_HOME.memberPin } },
      { label: "Member, wrong PIN", values: { uuid: DEMO_HOME.memberUuid, pin: "0000" } },
      { label: "Member, no PIN", values: { uuid: DEMO_HOME.memberUuid, pin: "" } },
      { label: "Managed user", values: { uuid: DEMO_HOME.managedUuid, pin: "" } },
    ],
    run: (api, values) => {
      const pin = text(values, "pin");
      return api.authentication.switchHomeUser({ uuid: text(values, "uuid"), ...(pin ? { pin } : {}) });
    },
  },
];
