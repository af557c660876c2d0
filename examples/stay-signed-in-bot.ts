// A bot that stays signed in for months without a password: a device key registered once, then Plex JWTs (valid 7
// days) refreshed by createJwtTokenProvider and kept in a file between runs.
// First run:  PLEX_TOKEN=<your token> npx tsx stay-signed-in-bot.ts   (registers the device key)
// Afterwards: npx tsx stay-signed-in-bot.ts                          (the key file alone signs it in)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  createJwtTokenProvider,
  createPlexClient,
  exportDeviceKey,
  generateDeviceKey,
  getTokenDetails,
  importDeviceKey,
  type JwtTokenStore,
  registerDeviceKey,
} from "@plex/auth";

const clientIdentifier = process.env.PLEX_CLIENT_ID ?? "my-bot-5b2e90"; // the device Plex lists, and the JWT issuer
const plexTvURL = process.env.PLEX_TV_URL ?? "https://plex.tv/api/v2";
const dir = process.env.PLEX_BOT_DIR ?? join(process.cwd(), ".plex-bot");
const keyFile = join(dir, "device-key.json");
const jwtFile = join(dir, "plex-jwt.json");
await mkdir(dir, { recursive: true, mode: 0o700 });

const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8"));
// Both files hold secrets (the private key, the JWT): readable by this user only.
const writeJson = (file: string, value: unknown) => writeFile(file, JSON.stringify(value), { mode: 0o600 });

async function deviceKey() {
  try {
    return await importDeviceKey(await readJson(keyFile));
  } catch {
    const token = process.env.PLEX_TOKEN;
    if (!token) throw new Error(`No device key in ${keyFile}: run once with PLEX_TOKEN set to register one.`);
    const key = await generateDeviceKey();
    await registerDeviceKey(createPlexClient({ clientIdentifier, plexTvURL, accessToken: token }), { key });
    await writeJson(keyFile, await exportDeviceKey(key));
    console.log("Registered a new device key");
    return key;
  }
}

const fileStore: JwtTokenStore = {
  get: () => readJson(jwtFile).catch(() => undefined), // nothing stored on the first run
  set: (value) => writeJson(jwtFile, value),
};
const accessToken = createJwtTokenProvider({
  client: createPlexClient({ clientIdentifier, plexTvURL }),
  key: await deviceKey(),
  store: fileStore,
});

// Every call gets a current Plex JWT: refreshed a day before it expires, and once more if Plex answers 498.
const bot = createPlexClient({ clientIdentifier, plexTvURL, accessToken });
const { data: account } = await getTokenDetails(bot);
console.log(`Bot signed in as ${account.username}`);
