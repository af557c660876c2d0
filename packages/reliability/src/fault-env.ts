import type { PlexClient, PlexClientOptions } from "@plex/auth";
import {
  type Behavior,
  type FaultServer,
  type FaultServerOptions,
  refusedPort,
  startFaultServer,
} from "./fault-server";
import type { Fault } from "./faults";
import { clientFor } from "./operations";

export const PRIMARY_HOST = "127.0.0.1";
export const SECOND_HOST = "127.0.0.2";

/** Requests the client's fetch sent, and how many of them went out as plain http in the `tls` set-up. */
export interface FetchCount {
  attempts: number;
  plainHttp: number;
}

async function rewritten(input: Request, url: string): Promise<Request> {
  const body = input.method === "GET" || input.method === "HEAD" ? undefined : await input.arrayBuffer();
  return new Request(url, {
    method: input.method,
    headers: input.headers,
    body,
    signal: input.signal,
    redirect: "manual",
  });
}

/**
 * The client's `fetch`: counts every request it is asked to send. With `tls`, https:// requests are forwarded to
 * the plain server (a stand-in for TLS termination) and any plain http:// request is counted as a downgrade.
 */
export function countingFetch(count: FetchCount, tls: boolean): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    count.attempts += 1;
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!tls) return fetch(input, init);
    if (!url.startsWith("https://")) {
      count.plainHttp += 1;
      return fetch(input, init);
    }
    const plain = `http://${url.slice("https://".length)}`;
    return input instanceof Request ? fetch(await rewritten(input, plain)) : fetch(plain, init);
  }) as typeof fetch;
}

/** A fault's world: the primary server (or a refused port), the second origin, and a client aimed at them. */
export interface FaultEnv {
  readonly primary: FaultServer;
  readonly second: FaultServer;
  readonly count: FetchCount;
  /** The base the client uses (http://127.0.0.1:P, https://127.0.0.1:P in the `tls` set-up, or a refused port). */
  readonly origin: string;
  client(options?: Partial<PlexClientOptions>): PlexClient;
  close(): Promise<void>;
}

const nothing: Behavior = (_seen, response) => {
  response.writeHead(418);
  response.end();
};

export async function startFaultEnv(fault: Fault, options: FaultServerOptions = {}): Promise<FaultEnv> {
  const second = await startFaultServer(SECOND_HOST, nothing, options);
  const primary = await startFaultServer(PRIMARY_HOST, nothing, options);
  primary.behave(fault.behavior({ secondOrigin: second.url, plainOrigin: primary.url }));
  const origin =
    fault.setup === "refused"
      ? `http://${PRIMARY_HOST}:${await refusedPort(PRIMARY_HOST)}`
      : fault.setup === "tls"
        ? `https://${PRIMARY_HOST}:${primary.port}`
        : primary.url;
  const count: FetchCount = { attempts: 0, plainHttp: 0 };
  const fetchFn = countingFetch(count, fault.setup === "tls");
  return {
    primary,
    second,
    count,
    origin,
    client: (options = {}) => clientFor(origin, { fetch: fetchFn, ...options }),
    close: async () => {
      await Promise.all([primary.close(), second.close()]);
    },
  };
}
