import { afterEach, describe, expect, it, vi } from "vitest";
// The README imports from "@plex/models"; here the source stands in for it, because a package's own tests run
// before its build (turbo's test task depends on the dependencies' build only).
import { UserPlexAccountSchema } from "../src/index.js";
import { accountJson } from "./fixtures/accounts.js";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("README example", () => {
  it("validates a plex.tv account body and prints username and Plex Pass state", async () => {
    const seen: { url?: string; headers?: Headers } = {};
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      seen.url = url;
      seen.headers = new Headers(init.headers);
      return new Response(JSON.stringify(accountJson), { headers: { "Content-Type": "application/json" } });
    });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const token = "fixture-token-not-real";

    // --- begin README example (keep in sync with README.md) ---
    const response = await fetch("https://plex.tv/api/v2/user", {
      headers: { Accept: "application/json", "X-Plex-Client-Identifier": "my-app-1", "X-Plex-Token": token },
    });
    const result = UserPlexAccountSchema.safeParse(await response.json());
    if (!result.success) {
      throw new Error(
        result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.code}`).join("; "),
      );
    }
    const account = result.data; // account.authToken: string, account.twoFactorEnabled: boolean | undefined
    console.log(account.username, account.subscription?.active);
    // --- end README example ---

    expect(seen.url).toBe("https://plex.tv/api/v2/user");
    expect(seen.headers?.get("Accept")).toBe("application/json");
    expect(seen.headers?.get("X-Plex-Client-Identifier")).toBe("my-app-1");
    expect(log).toHaveBeenCalledWith("maple", true);
  });

  it("the README's failure branch names the path and the issue code", () => {
    const result = UserPlexAccountSchema.safeParse({ ...accountJson, authToken: null, homeSize: "many" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.code}`).join("; ")).toBe(
      "authToken: invalid_type; homeSize: invalid_type",
    );
  });
});
