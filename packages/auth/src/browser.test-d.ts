import { describe, expectTypeOf, it } from "vitest";
import {
  createClientIdentifier,
  type PlexSignIn,
  type PlexSignInCode,
  resumePlexSignIn,
  type SignInWindow,
  type SignInWithPlexOptions,
  signInWithPlex,
} from "./browser.js";
import { createPlexClient } from "./index.js";

describe("public types of @plex/auth/browser", () => {
  it("takes the real window and storage, and gives a cancellable promise of the token", () => {
    expectTypeOf<Window>().toExtend<SignInWindow>();
    expectTypeOf<Storage>().toExtend<Parameters<typeof createClientIdentifier>[0]>();
    const client = createPlexClient({ clientIdentifier: createClientIdentifier(), product: "p" });
    const signIn = signInWithPlex(client, { popup: false, forwardUrl: "https://app.example/back" });
    expectTypeOf(signIn).toEqualTypeOf<PlexSignIn>();
    expectTypeOf(signIn).toExtend<Promise<string>>();
    expectTypeOf(signIn.cancel).toEqualTypeOf<() => void>();
    expectTypeOf(resumePlexSignIn(client)).toEqualTypeOf<Promise<string | undefined>>();
    expectTypeOf<SignInWithPlexOptions["onCode"]>().toEqualTypeOf<
      ((info: PlexSignInCode) => void) | undefined
    >();
    expectTypeOf<PlexSignInCode["flow"]>().toEqualTypeOf<"popup" | "redirect">();
    // @ts-expect-error popup is a boolean
    signInWithPlex(client, { popup: "yes" });
  });
});
