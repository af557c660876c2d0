import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// What an editor shows on hover is the checker's `typeToString`: results must read as the named type
// (`UserPlexAccount`), not as an expanded object of forty fields. Checked on a user's file compiled with the
// package's own tsconfig, as the editor would.

const userFile = fileURLToPath(new URL("./hover-example.ts", import.meta.url));
const userSource = `
import { createPlexClient, createPin, getHomeUsers, getServerResources, getSourceConnectionInformation,
  getTokenDetails, getTransientToken, PlexAPI } from "../src/index";
const client = createPlexClient({ clientIdentifier: "hover-test" });
const plex = new PlexAPI({ clientIdentifier: "hover-test" });
export const account = (await getTokenDetails(client)).data;
export const methodAccount = (await plex.authentication.getTokenDetails()).data;
export const signedIn = (await plex.authentication.postUsersSignInData({ requestBody: { login: "a", password: "b" } })).data;
export const subscription = account.subscription;
export const services = account.services;
export const pin = (await createPin(client)).data;
export const devices = (await getServerResources(client)).data;
export const device = devices[0]!;
export const connection = device.connections[0]!;
export const home = (await getHomeUsers(client)).data;
export const homeUser = home.users[0]!;
export const transient = (await getTransientToken(client, { type: "delegation", scope: "all" })).data;
export const source = (await getSourceConnectionInformation(client, { source: "server://x" })).data;
export const sourceConnection = source.MediaContainer.Device.Connection[0]!;
`;

function hoverTypes(): Map<string, string> {
  const configPath = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error("tsconfig.json not found");
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) =>
    name === userFile ? ts.createSourceFile(name, userSource, language) : getSourceFile(name, language);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === userFile || fileExists(name);
  const program = ts.createProgram([userFile], config.options, host);
  const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(userFile));
  expect(errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, "\n"))).toEqual([]);
  const checker = program.getTypeChecker();
  const types = new Map<string, string>();
  ts.forEachChild(program.getSourceFile(userFile)!, (node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const declaration of node.declarationList.declarations) {
      types.set(
        declaration.name.getText(),
        checker.typeToString(checker.getTypeAtLocation(declaration.name)),
      );
    }
  });
  return types;
}

describe("hovering a result shows its named type", () => {
  it("names every result type and its nested elements", { timeout: 60_000 }, () => {
    expect(Object.fromEntries(hoverTypes())).toEqual({
      client: "PlexClient",
      plex: "PlexAPI",
      account: "UserPlexAccount",
      methodAccount: "UserPlexAccount",
      signedIn: "UserPlexAccount",
      subscription: "Subscription | undefined",
      services: "Service[] | undefined",
      pin: "Pin",
      devices: "PlexDevice[]",
      device: "PlexDevice",
      connection: "PlexDeviceConnection",
      home: "HomeUsers",
      homeUser: "HomeUser",
      transient: "TransientTokenResponse",
      source: "SourceConnectionInformationResponse",
      sourceConnection: "Connection",
    });
  });
});
