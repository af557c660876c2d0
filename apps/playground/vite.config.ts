import { defineConfig } from "vite";
import { demoAuthPagePlugin } from "./server/demo-auth-page.js";
import { plexProxyPlugin } from "./server/plex-proxy.js";

/**
 * Files the dev server never serves, even inside the workspace: Vite's defaults (it replaces them when the
 * list is set, so they are repeated) plus keys, credentials and caches a workspace tends to hold.
 */
export const FS_DENY = [
  ".env",
  ".env.*",
  "*.{crt,pem,key,p12,pfx,cer,der}",
  ".npmrc",
  ".yarnrc.yml",
  "**/.git/**", // also matches .git itself, a file in a git worktree
  "id_rsa*",
  "id_ed25519*",
  "*.{kdbx,jks,keystore}",
  ".netrc",
  "**/.ssh/**",
  "**/node_modules/.cache/**",
  "**/.turbo/**",
  "**/.artifacts/**",
];

export default defineConfig({
  plugins: [plexProxyPlugin(), demoAuthPagePlugin()],
  // Loopback only: the live-mode proxy must not be reachable from the network. No CORS at all: the page
  // only talks to its own origin, and any Access-Control-Allow-Origin would let a page on another
  // localhost port read workspace files through /@fs/ (Vite's default allows every localhost origin) and
  // would answer the proxy's preflights before the proxy could refuse them.
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: false,
    cors: false,
    fs: { strict: true, deny: FS_DENY },
  },
  preview: { host: "127.0.0.1", port: 4173, cors: false },
});
