import type { Command } from "../command.js";
import { checkCommand } from "./check.js";
import { connectCommand } from "./connect.js";
import { loginCommand } from "./login.js";
import { logoutCommand } from "./logout.js";
import { serversCommand } from "./servers.js";
import { tokenCommand } from "./token.js";
import { whoamiCommand } from "./whoami.js";

/** In the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  loginCommand,
  whoamiCommand,
  checkCommand,
  serversCommand,
  connectCommand,
  tokenCommand,
  logoutCommand,
];
