import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  createDemoPlex,
  DEMO_ACCOUNTS,
  DEMO_CLIENT_IDENTIFIER,
  DEMO_SERVER,
  DEMO_SERVER_URL,
  DEMO_TOKENS,
} from "@plex/demo-plex";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PlexAPI } from "../src/index.js";

// Every request the four operations send, checked against the request schemas of the community
// spec (../shared/plex-api/auth-subset.yaml, OpenAPI 3.1, so JSON Schema 2020-12) with Ajv.
const repoRoot = new URL("../../../", import.meta.url);
const specPath = fileURLToPath(new URL("../shared/plex-api/auth-subset.yaml", repoRoot));
const present = existsSync(specPath);

interface Parameter {
  name: string;
  in: "query" | "header" | "path";
  required?: boolean;
  $ref?: string;
}
interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

function load() {
  const spec = parse(readFileSync(specPath, "utf8"));
  // Form fields and query values arrive as strings: coerce them the way the spec's types read them
  // ("true"/"false" for a boolean; "1" is not a boolean to JSON Schema).
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: true, validateFormats: false });
  ajv.addSchema({ ...spec, $id: "spec" });
  const pointer = (...parts: string[]) =>
    parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
  const check = (ref: string, value: unknown) => {
    const validate = ajv.getSchema(`spec#/${ref}`) ?? ajv.compile({ $ref: `spec#/${ref}` });
    return validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
  return { spec, check, pointer };
}

function problems(sent: Sent): string[] {
  const { spec, check, pointer } = load();
  const base = sent.url.href.startsWith("https://plex.tv/api/v2")
    ? "https://plex.tv/api/v2"
    : DEMO_SERVER_URL;
  const path = sent.url.pathname.replace(new URL(base).pathname.replace(/\/$/, ""), "");
  const method = sent.method.toLowerCase();
  const operation = spec.paths?.[path]?.[method];
  if (!operation) return [`no operation ${method} ${path} in the spec`];
  const out: string[] = [];
  const resolve = (parameter: Parameter): Parameter & { at: string } => {
    if (!parameter.$ref) return { ...parameter, at: "" };
    const name = parameter.$ref.split("/").pop()!;
    return { ...spec.components.parameters[name], at: pointer("components", "parameters", name) };
  };
  (operation.parameters as Parameter[]).forEach((raw, index) => {
    const parameter = resolve(raw);
    const value =
      parameter.in === "query" ? sent.url.searchParams.get(parameter.name) : sent.headers.get(parameter.name);
    if (value === null) {
      if (parameter.required) out.push(`missing required ${parameter.in} ${parameter.name}`);
      return;
    }
    const at = parameter.at || pointer("paths", path, method, "parameters", String(index));
    for (const error of check(`${at}/schema`, value)) out.push(`${parameter.in} ${parameter.name}${error}`);
  });
  const form = operation.requestBody?.content?.["application/x-www-form-urlencoded"];
  if (form) {
    const fields = Object.fromEntries(new URLSearchParams(sent.body ?? ""));
    const at = pointer("paths", path, method, "requestBody", "content", "application/x-www-form-urlencoded");
    for (const error of check(`${at}/schema`, fields)) out.push(`form${error}`);
  } else if (sent.body) {
    out.push("a body the spec does not describe");
  }
  return out;
}

function recordingPlex(accessToken?: string) {
  const demo = createDemoPlex();
  const sent: Sent[] = [];
  const plex = new PlexAPI({
    clientIdentifier: DEMO_CLIENT_IDENTIFIER,
    product: "Spec Check",
    version: "1.0.0",
    accessToken,
    serverURL: DEMO_SERVER_URL,
    retry: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push({
        url: new URL(request.url),
        method: request.method,
        headers: request.headers,
        body: init?.body === undefined ? undefined : String(init.body),
      });
      return demo.handle(request);
    },
  });
  return { plex, sent };
}

describe.skipIf(!present)(
  `every request of the four operations matches auth-subset.yaml${present ? "" : ` (SKIPPED: ${specPath} is absent; it lives beside the repo)`}`,
  () => {
    it("postUsersSignInData, with rememberMe and a verification code", async () => {
      const { plex, sent } = recordingPlex();
      await plex.authentication.postUsersSignInData({
        requestBody: { ...DEMO_ACCOUNTS.twoFactor, rememberMe: true },
      });
      await plex.authentication.postUsersSignInData({
        requestBody: { ...DEMO_ACCOUNTS.plain, rememberMe: false },
      });
      expect(sent).toHaveLength(2);
      for (const request of sent) expect(problems(request)).toEqual([]);
    });

    it("getTokenDetails, getTransientToken and getSourceConnectionInformation", async () => {
      const { plex, sent } = recordingPlex(DEMO_TOKENS.account);
      await plex.authentication.getTokenDetails();
      await plex.authentication.getTransientToken({ type: "delegation", scope: "all" });
      await plex.authentication.getSourceConnectionInformation({
        source: `server://${DEMO_SERVER.clientIdentifier}`,
      });
      expect(sent).toHaveLength(3);
      for (const request of sent) expect(problems(request)).toEqual([]);
    });

    it("can fail: a form boolean sent as 1 is not a boolean to the spec", () => {
      const form = "login=a%40example.com&password=pw&rememberMe=1";
      const found = problems({
        url: new URL("https://plex.tv/api/v2/users/signin"),
        method: "POST",
        headers: new Headers({ "X-Plex-Client-Identifier": "x" }),
        body: form,
      });
      expect(found.join("\n")).toMatch(/rememberMe.*boolean|form\/rememberMe/);
      expect(
        problems({
          url: new URL("https://plex.tv/api/v2/users/signin"),
          method: "POST",
          headers: new Headers(),
          body: "",
        }),
      ).toContain("missing required header X-Plex-Client-Identifier");
    });
  },
);
