import { describe, expect, it } from "vitest";
import { PlexInvalidRequestError } from "../errors";
import { buildHref } from "./build-request";

describe("buildHref", () => {
  it("extends the base path, with or without slashes at the seam", () => {
    expect(buildHref("https://plex.tv/api/v2", "/user", undefined)).toBe("https://plex.tv/api/v2/user");
    expect(buildHref("https://plex.tv/api/v2/", "user", undefined)).toBe("https://plex.tv/api/v2/user");
    expect(buildHref("http://10.0.0.2:32400", "/identity", undefined)).toBe("http://10.0.0.2:32400/identity");
  });

  it("never lets a path change the origin or add a query, also when the join is remembered", () => {
    for (let round = 0; round < 2; round++) {
      expect(buildHref("https://plex.tv/api/v2", "/x?X-Plex-Token=t#f", undefined)).toBe(
        "https://plex.tv/api/v2/x%3FX-Plex-Token=t%23f",
      );
      expect(buildHref("https://plex.tv", "//evil.test/x", undefined)).toBe("https://plex.tv//evil.test/x");
    }
  });

  it("appends the query (booleans as 1/0, undefined dropped) after a query the base has", () => {
    const query = { source: "server://abc", refresh: true, skip: undefined, n: 2 };
    expect(buildHref("http://pms.test/?a=1", "/security/resources", query)).toBe(
      "http://pms.test/security/resources?a=1&source=server%3A%2F%2Fabc&refresh=1&n=2",
    );
    // The remembered join is not changed by a call that appended a query.
    expect(buildHref("http://pms.test/?a=1", "/security/resources", undefined)).toBe(
      "http://pms.test/security/resources?a=1",
    );
  });

  it("keeps giving right answers past the size of its memory", () => {
    for (let index = 0; index < 300; index++) {
      expect(buildHref(`http://h${index % 70}.test/b`, `/p${index}`, undefined)).toBe(
        `http://h${index % 70}.test/b/p${index}`,
      );
    }
  });

  it("refuses a query value that is not a string, number or boolean", () => {
    expect(() => buildHref("https://plex.tv", "/x", { bad: {} as never })).toThrow(PlexInvalidRequestError);
  });
});
