import { maskSecret } from "./mask.js";

/** One line above a result tree, and the token the user may want to copy (never shown in full). */
export interface ResultSummary {
  readonly text: string;
  readonly token?: string;
}

function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function account(data: unknown): string {
  const name = str(pick(data, "username")) ?? str(pick(data, "title")) ?? "an account";
  const email = str(pick(data, "email"));
  return email === undefined ? name : `${name} <${email}>`;
}

/** "2 servers, 5 connections" for a device list (one Device or several, as Plex sends either). */
export function devicesSummary(devices: unknown): string {
  const list = Array.isArray(devices) ? devices : devices === undefined ? [] : [devices];
  const servers = list.filter((device) =>
    /(^|,)\s*server\s*(,|$)/.test(String(pick(device, "provides") ?? "server")),
  );
  const connections = servers.reduce((sum: number, device) => {
    const found = pick(device, "Connection") ?? pick(device, "connections");
    return sum + (Array.isArray(found) ? found.length : 0);
  }, 0);
  return `${plural(servers.length, "server")}, ${plural(connections, "connection")}`;
}

/** What a newcomer should read first about a successful run, by operation. */
export function summarize(operationId: string, data: unknown): ResultSummary | undefined {
  switch (operationId) {
    case "sign-in": {
      const token = str(pick(data, "authToken"));
      return { text: `Signed in as ${account(data)}`, ...(token === undefined ? {} : { token }) };
    }
    case "token-details":
      return { text: `This token belongs to ${account(data)}` };
    case "transient-token": {
      const token = str(pick(data, "MediaContainer", "token"));
      return token === undefined
        ? { text: "No transient token in the answer" }
        : { text: `Transient token ${maskSecret(token)}: hand it to a friend's app instead of yours`, token };
    }
    case "source-connection":
      return { text: devicesSummary(pick(data, "MediaContainer", "Device")) };
    case "home-users": {
      const users = pick(data, "users") ?? pick(data, "MediaContainer", "User");
      return Array.isArray(users) ? { text: `${plural(users.length, "Home user")}` } : undefined;
    }
    case "home-switch": {
      const token = str(pick(data, "authToken"));
      return { text: `Switched to ${account(data)}`, ...(token === undefined ? {} : { token }) };
    }
    default:
      return undefined;
  }
}
