import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The real Plex bodies live beside the repo (../shared), never inside it: tests read them in place.
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const SAMPLES_DIR = fileURLToPath(new URL("../shared/plex-api/samples/", `file://${repoRoot}`));
export const HAS_SAMPLES = existsSync(SAMPLES_DIR);
export const SKIP_MESSAGE = `(skipped: Plex samples not found at ${SAMPLES_DIR})`;

export function sampleNames(suffix: string): string[] {
  return HAS_SAMPLES ? readdirSync(SAMPLES_DIR).filter((name) => name.endsWith(suffix)) : [];
}

export function readSample(name: string): string {
  return readFileSync(`${SAMPLES_DIR}${name}`, "utf8");
}
