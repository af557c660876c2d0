import { createDemoPlex, DEMO_CLIENT_IDENTIFIER, type DemoPlex } from "@plex/demo-plex";
import type { Behavior, SeenRequest } from "./fault-server";
import { SEEDED_PIN_ID, SUITE_PRODUCT } from "./operations";

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

/** Creates the PIN the getPin and waitForPinToken rows read (SEEDED_PIN_ID), as createPin would. */
async function seedPin(demo: DemoPlex): Promise<void> {
  const response = await demo.handle(
    new Request("http://demo.invalid/api/v2/pins?strong=true", {
      method: "POST",
      headers: {
        Accept: "application/json",
        "X-Plex-Client-Identifier": DEMO_CLIENT_IDENTIFIER,
        "X-Plex-Product": SUITE_PRODUCT,
      },
    }),
  );
  const pin = (await response.json()) as { id?: unknown };
  if (pin.id !== SEEDED_PIN_ID) throw new Error(`the demo numbered its first PIN ${String(pin.id)}`);
}

/**
 * The healthy server: the demo Plex answers every request (what a correct call gets). With `memoize`, answers are
 * kept per request (method, URL, token, Accept, body), for load tests where the demo's own cost would dominate;
 * only use it where the demo's answers do not change over time (not for PINs).
 */
export function demoBehavior(demo: DemoPlex = createDemoPlex(), memoize = false): Behavior {
  const answers = new Map<string, Promise<Answer>>();
  const seeded = seedPin(demo);
  return (seen, response) => {
    // PIN answers change from poll to poll, and a nonce is good once: never kept.
    const keep = memoize && !seen.url.startsWith("/api/v2/pins") && !seen.url.startsWith("/api/v2/auth/");
    const key = keep
      ? [seen.method, seen.url, seen.headers["x-plex-token"], seen.headers.accept, seen.body].join("\n")
      : "";
    let pending = keep ? answers.get(key) : undefined;
    if (pending === undefined) {
      pending = seeded.then(() => answer(demo, seen));
      if (keep && answers.size < 1_000) answers.set(key, pending);
    }
    pending
      .then(({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(body);
      })
      .catch(() => response.destroy());
  };
}
