import { describe, expectTypeOf, it } from "vitest";
import {
  type BestConnection,
  type ConnectionProbe,
  connectToServer,
  createPlexClient,
  findBestConnection,
  getServerResources,
  getServers,
  type NoConnectionError,
  PlexAPI,
  type PlexDevice,
  type PlexDeviceConnection,
  type PlexResponse,
  type ProbeFailureReason,
  ping,
  type UserPlexAccount,
  validateToken,
} from "./index.js";

describe("public types of servers and token health", () => {
  const client = createPlexClient({ clientIdentifier: "x", accessToken: "t" });

  it("types devices and their connections with Plex's wire names", async () => {
    const { data } = await getServerResources(client, { includeRelay: false });
    expectTypeOf(data).toEqualTypeOf<PlexDevice[]>();
    expectTypeOf(data[0]!.connections).toEqualTypeOf<PlexDeviceConnection[]>();
    expectTypeOf(data[0]!.owned).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(getServers).returns.toEqualTypeOf<Promise<PlexResponse<PlexDevice[]>>>();
    // @ts-expect-error flags are booleans
    getServerResources(client, { includeRelay: 1 });
  });

  it("narrows probe outcomes and the best connection", async () => {
    const device = (await getServers(client)).data[0]!;
    const best = await findBestConnection(client, device, { timeoutMs: 1000, preferHttps: false });
    expectTypeOf(best).toEqualTypeOf<BestConnection>();
    expectTypeOf(best.uri).toEqualTypeOf<string>();
    const probe = best.tried[0] as ConnectionProbe;
    if (probe.outcome === "failed") expectTypeOf(probe.reason).toEqualTypeOf<ProbeFailureReason>();
    // @ts-expect-error a cancelled probe has no latency
    if (probe.outcome === "cancelled") void probe.latencyMs;
    expectTypeOf<NoConnectionError["tried"]>().toEqualTypeOf<readonly ConnectionProbe[]>();
    expectTypeOf(connectToServer).returns.toEqualTypeOf<Promise<PlexAPI>>();
  });

  it("narrows validateToken on valid and types ping", async () => {
    const check = await validateToken(client);
    if (check.valid) expectTypeOf(check.account).toEqualTypeOf<UserPlexAccount>();
    else expectTypeOf(check.reason.code).toEqualTypeOf<number | undefined>();
    expectTypeOf((await ping(client)).data).toEqualTypeOf<boolean>();
    const plex = new PlexAPI(client);
    expectTypeOf(plex.authentication.validateToken).returns.toEqualTypeOf<ReturnType<typeof validateToken>>();
    expectTypeOf<PlexDevice>().toExtend<Parameters<typeof plex.authentication.findBestConnection>[0]>();
  });
});
