import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { build, createServer as createViteServer, preview } from "vite";

/** Shared by the e2e files that need their own playground server (the first file keeps its copy). */
export const root = fileURLToPath(new URL("..", import.meta.url));

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export type Kind = "preview" | "dev";

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** `vite build` + `vite preview` (what CI serves), or the dev server `pnpm playground` starts. */
export async function serve(kind: Kind): Promise<Served> {
  const port = await freePort();
  if (kind === "preview") {
    await build({ root, logLevel: "warn" });
    const server = await preview({
      root,
      logLevel: "warn",
      preview: { host: "127.0.0.1", port, strictPort: true },
    });
    return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
  }
  const server = await createViteServer({
    root,
    logLevel: "warn",
    server: { host: "127.0.0.1", port, strictPort: true },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
