// Hand a friend short-lived access to your server: a transient token (Plex keeps it about 48 hours), never your own
// token. Run: PLEX_TOKEN=<your token> npx tsx share-transient-token.ts
import { connectToServer, PlexAPI } from "@plex/auth";

const plex = new PlexAPI({
  clientIdentifier: process.env.PLEX_CLIENT_ID ?? "my-tool-5b0c1e",
  product: "My Plex tool",
  plexTvURL: process.env.PLEX_TV_URL ?? "https://plex.tv/api/v2",
  accessToken: process.env.PLEX_TOKEN ?? "",
});

const { data: servers } = await plex.authentication.getServers();
const mine = servers.find((server) => server.owned);
if (!mine) throw new Error("This account owns no server: only the owner can hand out transient tokens.");

const server = await connectToServer(plex, mine, { timeoutMs: 3_000 });
const { data } = await server.authentication.getTransientToken({ type: "delegation", scope: "all" });
const url = new URL("/identity", server.client.options.serverURL);
url.searchParams.set("X-Plex-Token", data.MediaContainer.token);
// Send this link privately: whoever has it can use the server as you until the token lapses.
console.log(`Send your friend: ${url.href}`);
