/** Resolves with what `promise` rejected with; fails the test if it resolved. */
export async function failure<E = Error>(promise: Promise<unknown>): Promise<E> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as E,
  );
}

/**
 * A fetch stub written against a Request. Like any fetch it accepts (input, init): without
 * middleware the client calls fetch with url + init, with middleware it passes a Request.
 */
export function fetchStub(handler: (request: Request) => Response | Promise<Response>): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    handler(new Request(input, init))) as typeof fetch;
}
