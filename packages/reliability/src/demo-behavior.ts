import { createDemoPlex, type DemoPlex } from "@plex/demo-plex";
import type { Behavior, SeenRequest } from "./fault-server";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

async function answer(demo: DemoPlex, seen: SeenRequest): Promise<Answer> {
  const hasBody = seen.method !== "GET" && seen.method !== "HEAD";
  const headers = new Headers();
  for (const [name, value] of Object.entries(seen.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const request = new Request(new URL(seen.url, "http://demo.invalid"), {
    method: seen.method,
    headers,
    body: hasBody ? seen.body : undefined,
  });
  const response = await demo.handle(request);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/**
 * The healthy server: the demo Plex answers every request (what a correct call gets). With `memoize`, answers are
 * kept per request (method, URL, token, Accept, body), for load tests where the demo's own cost would dominate;
 * only use it where the demo's answers do not change over time (not for PINs).
 */
export function demoBehavior(demo: DemoPlex = createDemoPlex(), memoize = false): Behavior {
  const answers = new Map<string, Promise<Answer>>();
  return (seen, response) => {
    const key = memoize
      ? [seen.method, seen.url, seen.headers["x-plex-token"], seen.headers.accept, seen.body].join("\n")
      : "";
    let pending = memoize ? answers.get(key) : undefined;
    if (pending === undefined) {
      pending = answer(demo, seen);
      if (memoize && answers.size < 1_000) answers.set(key, pending);
    }
    pending
      .then(({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(body);
      })
      .catch(() => response.destroy());
  };
}
