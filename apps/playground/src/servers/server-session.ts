import type { PlexDevice } from "@plex/auth";

/** The server "use this server" picked: the other panels send to `uri` with the server's own token. */
export interface ConnectedServer {
  readonly name: string;
  readonly clientIdentifier: string;
  readonly uri: string;
  readonly accessToken: string;
}

/**
 * What the Servers and Best connection panels share: the last device list, and which server to probe. Listeners
 * let one panel follow the other without either re-rendering the page.
 */
export interface ServerSession {
  devices: readonly PlexDevice[] | undefined;
  selected: string | undefined;
  setDevices(devices: readonly PlexDevice[]): void;
  select(clientIdentifier: string): void;
  /** Forgets the list (the mode changed: another account). */
  clear(): void;
  subscribe(listener: () => void): () => void;
}

export function createServerSession(): ServerSession {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const session: ServerSession = {
    devices: undefined,
    selected: undefined,
    setDevices(devices) {
      session.devices = devices;
      if (!devices.some((device) => device.clientIdentifier === session.selected)) {
        session.selected = devices.find(isServerDevice)?.clientIdentifier;
      }
      notify();
    },
    select(clientIdentifier) {
      session.selected = clientIdentifier;
      notify();
    },
    clear() {
      session.devices = undefined;
      session.selected = undefined;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return session;
}

export function isServerDevice(device: PlexDevice): boolean {
  return (device.provides ?? "").split(",").some((role) => role.trim() === "server");
}
