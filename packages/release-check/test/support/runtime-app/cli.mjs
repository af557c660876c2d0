// Entry for Bun and Deno: reads the flow input from the environment and prints the result as one JSON line.
import { runFlow } from "./flow.mjs";

const raw = globalThis.Deno ? globalThis.Deno.env.get("PLEX_FLOW_INPUT") : process.env.PLEX_FLOW_INPUT;
console.log(JSON.stringify(await runFlow(JSON.parse(raw ?? "{}"))));
