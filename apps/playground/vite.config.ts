import { defineConfig } from "vite";
import { demoAuthPagePlugin } from "./server/demo-auth-page.js";
import { plexProxyPlugin } from "./server/plex-proxy.js";

export default defineConfig({
  plugins: [plexProxyPlugin(), demoAuthPagePlugin()],
  // Loopback only: the live-mode proxy must not be reachable from the network.
  server: { host: "127.0.0.1", port: 5173, strictPort: false },
  preview: { host: "127.0.0.1", port: 4173 },
});
