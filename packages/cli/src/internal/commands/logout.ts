import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const logoutCommand: Command = {
  name: "logout",
  summary: "Forget the stored token (and device key); the machine's client identifier is kept",
  usage: "plex-auth logout [--json]",
  options: {},
  maxPositionals: 0,
  examples: ["plex-auth logout"],
  stage: "token",
  async run(context) {
    const config = await context.store.read();
    const hadToken = config?.token !== undefined || config?.deviceKey !== undefined;
    if (config && hadToken) {
      const {
        token: _token,
        username: _username,
        plexTvURL: _url,
        deviceKey: _key,
        tokenType: _type,
        jwtExpiresAt: _expiry,
        ...kept
      } = config;
      await context.saveConfig(kept as typeof config);
    }
    if (context.json) {
      context.printJson({ loggedOut: hadToken, config: context.store.path });
      return EXIT.ok;
    }
    if (hadToken) {
      context.result(
        `Forgot the ${config?.deviceKey === undefined ? "token" : "token and the device key"} stored in ${context.store.path}.`,
      );
      context.progress(
        "The token itself stays valid at plex.tv until you remove this device at https://app.plex.tv/desktop/#!/settings/devices/all.",
      );
    } else {
      context.result("No stored token: nothing to forget.");
    }
    return EXIT.ok;
  },
};
