import { describe, expect, it } from "vitest";
import { extraFields } from "./extra-fields.js";
import { PinSchema } from "./pin.js";
import { PlexDeviceSchema, PlexDevicesSchema } from "./plex-device.js";

describe("extraFields", () => {
  it("returns exactly the fields the schema does not know, with their parsed values", () => {
    const pin = PinSchema.parse({ id: "7", code: "ABCD", trusted: "1", flavour: "new", nested: { a: [1] } });
    expect(pin).toMatchObject({ id: 7, trusted: true, flavour: "new" });
    expect(extraFields(PinSchema, pin)).toEqual({ flavour: "new", nested: { a: [1] } });
  });

  it("returns an empty object when Plex sent nothing new, and never a prototype key", () => {
    const pin = PinSchema.parse({ id: 7, code: "ABCD", constructor: "kept", toString: "kept too" });
    expect(extraFields(PinSchema, PinSchema.parse({ id: 7, code: "ABCD" }))).toEqual({});
    expect(extraFields(PinSchema, pin)).toEqual({ constructor: "kept", toString: "kept too" });
  });

  it("works on each element of a list", () => {
    const [device] = PlexDevicesSchema.parse([
      { name: "Den", clientIdentifier: "den-1", connections: [], sparkle: true },
    ]);
    expect(extraFields(PlexDeviceSchema, device!)).toEqual({ sparkle: true });
  });
});
