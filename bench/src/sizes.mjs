// Bundle size of each entry: esbuild (bundle, minify, ESM, browser platform, code splitting so a
// dynamic import becomes its own chunk), then gzip. "Initial" is what a page loads before any
// lazy chunk: the entry file plus the chunks it imports statically. We also report what each
// initial bundle contains, so a missed budget comes with its cause (which modules weigh what).
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = "/bench-out"; // never written (write: false); metafile paths are relative to "/"

// Any XML parser from the registry (core has none today: its reader is its own, see
// packages/core/src/internal/read-xml.ts): none of them may reach a JSON-only user's initial load.
const XML_PACKAGES =
  /node_modules\/(fast-xml-parser|fast-xml-builder|strnum|anynum|is-unsafe|@nodable\/entities|path-expression-matcher|txml|@rgrove\/parse-xml|saxes|htmlparser2)\//;
// A message of core's own XML reader, kept by minifiers: finds the reader in whichever chunk holds it.
const XML_MARKER = "never has a DOCTYPE";
const NODE_BUILTINS = new Set(builtinModules);

/** Marks node: and bare built-in imports external and remembers who asked for them. */
function recordNodeBuiltins(found) {
  return {
    name: "record-node-builtins",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.replace(/^node:/, "").split("/")[0];
        if (!args.path.startsWith("node:") && !NODE_BUILTINS.has(bare)) return undefined;
        found.push({ module: args.path, importer: relative(args.importer) });
        return { path: args.path, external: true };
      });
    },
  };
}

/** The entry is a string; a tiny plugin serves it as a file inside resolveDir so packages resolve. */
function virtualEntry(id, contents, resolveDir) {
  return {
    name: "virtual-entry",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^virtual-entry:/ }, () => ({ path: `${id}.mjs`, namespace: "entry" }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "entry" }, () => ({
        contents,
        loader: "js",
        resolveDir,
      }));
    },
  };
}

function relative(path) {
  const marker = path.lastIndexOf("node_modules/");
  if (marker >= 0) return path.slice(marker);
  return path.replace(/^.*?\/(packages|bench)\//, "$1/");
}

/** Groups input files by package: node_modules/<pkg>, or our workspace package folder. */
function packageOf(inputPath) {
  const marker = inputPath.lastIndexOf("node_modules/");
  if (marker >= 0) {
    const parts = inputPath.slice(marker + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const workspace = inputPath.match(/packages\/([^/]+)\//);
  if (workspace) return `@plex/${workspace[1]}`;
  return inputPath.startsWith("entry:") ? "(entry)" : inputPath;
}

/** Follows static imports from the entry output: the files a page must load up front. */
function initialOutputs(metafile) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
  if (entry === undefined) throw new Error("esbuild produced no entry output");
  const seen = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const path = queue.pop();
    if (path === undefined || seen.has(path)) continue;
    seen.add(path);
    for (const imported of outputs[path].imports) {
      if (imported.kind === "import-statement" && !imported.external) queue.push(imported.path);
    }
  }
  return seen;
}

const gzipLength = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * Builds one entry and measures it.
 * @param {{ id: string; contents: string }} entry
 * @param {string} resolveDir where the entry's imports resolve from
 */
export async function measureEntry(entry, resolveDir = BENCH_DIR) {
  const nodeImports = [];
  const result = await build({
    entryPoints: ["virtual-entry:"],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    splitting: true,
    outdir: OUT_DIR,
    absWorkingDir: "/",
    write: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [recordNodeBuiltins(nodeImports), virtualEntry(entry.id, entry.contents, resolveDir)],
  });
  const files = new Map(result.outputFiles.map((file) => [relativeOut(file.path), file.contents]));
  const initial = initialOutputs(result.metafile);
  let minBytes = 0;
  let gzBytes = 0;
  let lazyGzBytes = 0;
  const weights = new Map();
  const xmlInInitial = new Set();
  let xmlInLazy = false;
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (!path.endsWith(".js")) continue;
    const bytes = files.get(path);
    if (bytes === undefined) throw new Error(`esbuild reported ${path} but did not return it`);
    const isInitial = initial.has(path);
    const text = new TextDecoder().decode(bytes);
    const xmlInputs = Object.keys(output.inputs).filter((input) => XML_PACKAGES.test(input));
    const hasXml = xmlInputs.length > 0 || text.includes(XML_MARKER);
    if (isInitial) {
      minBytes += bytes.length;
      gzBytes += gzipLength(bytes);
      for (const input of xmlInputs) xmlInInitial.add(packageOf(input));
      if (hasXml && xmlInputs.length === 0) xmlInInitial.add(`inlined copy in ${path}`);
      for (const [input, info] of Object.entries(output.inputs)) {
        const name = packageOf(input);
        weights.set(name, (weights.get(name) ?? 0) + info.bytesInOutput);
      }
    } else {
      lazyGzBytes += gzipLength(bytes);
      xmlInLazy ||= hasXml;
    }
  }
  const heaviest = [...weights.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, bytes]) => ({ name, minBytes: bytes }));
  return {
    id: entry.id,
    minBytes,
    gzBytes,
    lazyGzBytes,
    xmlInInitial: [...xmlInInitial],
    xmlInLazy,
    nodeImports,
    heaviest,
  };
}

// Metafile keys are relative to absWorkingDir ("/"); output files carry absolute paths.
function relativeOut(path) {
  return path.slice(1);
}

/**
 * Measures every entry, one at a time (esbuild is already parallel inside).
 * @param {{ id: string; side: string; contents: string }[]} entries
 * @param {{ oursDir?: string }} options oursDir: where our packages resolve from (default bench/)
 */
export async function measureSizes(entries, { oursDir = BENCH_DIR } = {}) {
  const results = [];
  for (const entry of entries) {
    const resolveDir = entry.side === "ours" ? oursDir : BENCH_DIR;
    results.push({ ...entry, ...(await measureEntry(entry, resolveDir)) });
  }
  return results;
}
