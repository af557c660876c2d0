// Bundles a few imports of the built package with esbuild (minified ESM) and prints raw and gzip sizes,
// so the README figures can be reproduced: `pnpm --filter @plex/models build && node scripts/measure-size.mjs`.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// esbuild is a dependency of the private bench package, not of this one.
const requireFromBench = createRequire(new URL("../../../bench/package.json", import.meta.url));
const esbuild = requireFromBench("esbuild");

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const entry = "./dist/index.js";

const cases = {
  "zod/mini alone (one loose object)":
    'import * as z from "zod/mini"; export const s = z.looseObject({ a: z.string() }); console.log(s.safeParse(globalThis.x));',
  "TransientTokenResponseSchema only": `import { TransientTokenResponseSchema as s } from "${entry}"; console.log(s.safeParse(globalThis.x));`,
  "UserPlexAccountSchema only": `import { UserPlexAccountSchema as s } from "${entry}"; console.log(s.safeParse(globalThis.x));`,
  "PostUsersSignInDataRequestBodySchema + UserPlexAccountSchema + PlexErrorsSchema": `import { PostUsersSignInDataRequestBodySchema as a, UserPlexAccountSchema as b, PlexErrorsSchema as c } from "${entry}"; console.log(a.safeParse(globalThis.x), b.safeParse(globalThis.x), c.safeParse(globalThis.x));`,
  "every export": `import * as m from "${entry}"; console.log(Object.values(m).map(String));`,
  "every export, zod/mini left out (our own code)": `import * as m from "${entry}"; console.log(Object.values(m).map(String));`,
};

const rows = [];
for (const [name, contents] of Object.entries(cases)) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "silent",
    external: name.includes("zod/mini left out") ? ["zod/mini"] : [],
  });
  const code = result.outputFiles[0].contents;
  rows.push({ case: name, min: code.length, "min+gz": gzipSync(code, { level: 9 }).length });
}
console.table(rows);
