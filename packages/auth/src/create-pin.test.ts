import { PlexInvalidRequestError, PlexRateLimitError } from "@plex/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import { pinJson } from "../test/support/fixtures.js";
import {
  EXPECTED_IDENTITY_HEADERS,
  json,
  PLEX_TV_URL,
  rejection,
  testClient,
  useMockPlex,
  xml,
  xPlexHeaders,
} from "../test/support/mock-plex.js";
import { createPin } from "./create-pin.js";
import { getPin } from "./get-pin.js";

const mock = useMockPlex();
const PINS = `${PLEX_TV_URL}/pins`;

describe("createPin", () => {
  it("POSTs /pins with strong=true in the query, every identity header, no token and no body", async () => {
    mock.answer(PINS, () => json(pinJson({ code: "LONGSTRONGCODE0123456789A" }), 201));

    const res = await createPin(testClient(), { strong: true });

    expect(mock.seen).toHaveLength(1);
    const [sent] = mock.seen;
    expect(sent?.method).toBe("POST");
    expect(sent?.url.href).toBe(`${PINS}?strong=true`);
    expect(xPlexHeaders(sent!.headers)).toEqual(EXPECTED_IDENTITY_HEADERS); // no x-plex-token
    expect(sent?.headers.get("accept")).toBe("application/json");
    expect(sent?.body).toBe("");
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ id: 424242, code: "LONGSTRONGCODE0123456789A", authToken: null });
    expectTypeOf(res.data.id).toEqualTypeOf<number>();
  });

  it("leaves strong out for the short plex.tv/link code (no argument, or strong: false)", async () => {
    mock.answer(PINS, () => json(pinJson(), 201));
    await createPin(testClient());
    await createPin(testClient(), { strong: false });
    expect(mock.seen.map((seen) => seen.url.href)).toEqual([PINS, PINS]);
  });

  it("reads the XML answer into the same typed pin", async () => {
    mock.answer(PINS, () =>
      xml(
        '<?xml version="1.0" encoding="UTF-8"?>\n<pin id="424242" code="K7QX" expiresIn="900" authToken="" trusted="0"/>',
        201,
      ),
    );
    const { data } = await createPin(testClient());
    expect(data).toMatchObject({ id: 424242, code: "K7QX", expiresIn: 900, authToken: null, trusted: false });
  });

  it("refuses before sending when the client has no product: plex.tv needs it to name the app", async () => {
    const error = await rejection(createPin(testClient({ product: undefined }), { strong: true }));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect((error as Error).message).toMatch(/product/);
    expect(mock.seen).toHaveLength(0);
  });

  it("refuses a strong that is not a boolean", async () => {
    const error = await rejection(createPin(testClient(), { strong: "yes" as unknown as boolean }));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(mock.seen).toHaveLength(0);
  });

  it("maps 429 to PlexRateLimitError", async () => {
    mock.answer(PINS, () =>
      json({ errors: [{ code: 1003, message: "Too many requests", status: 429 }] }, 429),
    );
    expect(await rejection(createPin(testClient()))).toBeInstanceOf(PlexRateLimitError);
  });
});

describe("getPin", () => {
  it("GETs /pins/{id} with the same client identifier and no token", async () => {
    mock.answer(`${PINS}/424242`, () => json(pinJson({ authToken: "fixture-pin-token-9e21" })));

    const res = await getPin(testClient(), { id: 424242 });

    const [sent] = mock.seen;
    expect(sent?.method).toBe("GET");
    expect(sent?.url.href).toBe(`${PINS}/424242`);
    expect(xPlexHeaders(sent!.headers)).toEqual(EXPECTED_IDENTITY_HEADERS);
    expect(res.data.authToken).toBe("fixture-pin-token-9e21");
    expectTypeOf(res.data.authToken).toEqualTypeOf<string | null | undefined>();
  });

  it("refuses an id that is not a positive integer before sending", async () => {
    for (const id of [0, -3, 1.5, Number.NaN]) {
      expect(await rejection(getPin(testClient(), { id }))).toBeInstanceOf(PlexInvalidRequestError);
    }
    const error = await rejection(getPin(testClient(), { id: "1/../../user" as unknown as number }));
    expect(error).toBeInstanceOf(PlexInvalidRequestError);
    expect(mock.seen).toHaveLength(0);
  });
});
