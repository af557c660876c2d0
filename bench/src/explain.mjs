// Why is a bundle the size it is? Builds one of our entries from the packages' TypeScript sources
// (not their single-file dist), so esbuild's metafile can say which source file and which zod
// module weigh what. Usage: node src/explain.mjs [entry-id] (default: every one of ours).
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { entries } from "./entries.mjs";
import { kb, markdownTable } from "./format.mjs";

const PACKAGES_DIR = fileURLToPath(new URL("../../packages/", import.meta.url));
const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));

/** Resolves @plex/models, core and auth to their src/index.ts; keeps the lazy XML decoder out. */
const fromSources = {
  name: "from-sources",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@plex\/(models|core|auth)$/ }, (args) => ({
      path: `${PACKAGES_DIR}${args.path.slice("@plex/".length)}/src/index.ts`,
    }));
    // The XML decoder is core's own lazily imported module: left out, as a splitting bundler would.
    pluginBuild.onResolve({ filter: /internal\/parse-xml$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

const shortName = (path) => path.replace(/^.*node_modules\//, "").replace(/^.*?packages\//, "");

async function explain(entry) {
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: BENCH_DIR, loader: "js", sourcefile: `${entry.id}.mjs` },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    absWorkingDir: "/",
    outfile: "/explain-out/entry.js",
    logLevel: "silent",
    plugins: [fromSources],
  });
  const [output] = Object.values(result.metafile.outputs);
  const [file] = result.outputFiles;
  if (output === undefined || file === undefined)
    throw new Error(`esbuild returned no output for ${entry.id}`);
  const rows = Object.entries(output.inputs)
    .map(([path, info]) => [shortName(path), info.bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  console.log(
    `\n## ${entry.label}: ${kb(file.contents.length)} min, ${kb(gzipSync(file.contents, { level: 9 }).length)} gz (from sources)\n`,
  );
  console.log(
    markdownTable(
      ["input", "min bytes"],
      rows.slice(0, 30).map(([path, bytes]) => [path, kb(Number(bytes))]),
    ),
  );
}

const wanted = process.argv[2];
for (const entry of entries.filter(
  (item) => item.side === "ours" && (wanted === undefined || item.id === wanted),
)) {
  await explain(entry);
}
