// List the servers an account can use, then connect to the first one that answers from here.
// Run: PLEX_TOKEN=<your token> npx tsx find-servers-and-connect.ts
import { connectToServer, PlexAPI, PlexConnectionError } from "@plex/auth";

const plex = new PlexAPI({
  clientIdentifier: process.env.PLEX_CLIENT_ID ?? "my-tool-5b0c1e",
  product: "My Plex tool",
  plexTvURL: process.env.PLEX_TV_URL ?? "https://plex.tv/api/v2",
  accessToken: process.env.PLEX_TOKEN ?? "",
});

const { data: servers } = await plex.authentication.getServers();
for (const server of servers) {
  console.log(`${server.name}${server.owned ? "" : " (shared)"}: ${server.connections.length} connections`);
}

for (const server of servers) {
  try {
    // Probes every connection at once and keeps the best that answers (local, then remote, then relay).
    const connected = await connectToServer(plex, server, { timeoutMs: 3_000 });
    const { data } = await connected.authentication.getTransientToken({ type: "delegation", scope: "all" });
    console.log(`Connected to ${server.name} at ${connected.client.options.serverURL}`);
    console.log(`It answers: transient token of ${data.MediaContainer.token.length} characters`);
    break;
  } catch (error) {
    if (!(error instanceof PlexConnectionError)) throw error;
    // The error lists every connection tried and why it failed (timeout, refused, dns, tls…).
    console.log(`${server.name} is not reachable from here`);
  }
}
