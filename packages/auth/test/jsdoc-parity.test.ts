import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as auth from "../src/index.js";

// `plex.authentication.x()` and the standalone `x(client)` are the same operation: their JSDoc must say the same
// thing (what it does, the Plex endpoint, the errors) and each must show an example in its own style. The method's
// doc holds the function's doc word for word (it may add a line of its own), so the two cannot drift.

interface Doc {
  /** Everything before `@example`, one space between words. */
  text: string;
  example: string;
}

function docOf(node: ts.Node): Doc | undefined {
  const jsDoc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  if (!jsDoc) return undefined;
  const lines = jsDoc
    .getText()
    .replace(/^\/\*\*|\*\/$/g, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""));
  const at = lines.findIndex((line) => line.startsWith("@example"));
  const words = (part: string[]) => part.join(" ").replace(/\s+/g, " ").trim();
  return {
    text: words(at < 0 ? lines : lines.slice(0, at)),
    example: at < 0 ? "" : lines.slice(at + 1).join("\n"),
  };
}

function source(file: string): ts.SourceFile {
  const path = new URL(`../src/${file}`, import.meta.url);
  return ts.createSourceFile(file, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
}

/** Public methods of an exported class, with their docs. */
function methodsOf(file: string, className: string): Map<string, Doc | undefined> {
  const methods = new Map<string, Doc | undefined>();
  ts.forEachChild(source(file), (node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== className) return;
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      const hidden =
        ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected);
      if (!hidden) methods.set(member.name.text, docOf(member));
    }
  });
  return methods;
}

/** The JSDoc of the exported function `name`, from the file that defines it. */
function functionDoc(name: string): Doc | undefined {
  const file = `${name.replace(/URL/g, "Url").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.ts`;
  let doc: Doc | undefined;
  ts.forEachChild(source(file), (node) => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === name) doc = docOf(node);
  });
  return doc;
}

const methods = methodsOf("authentication.ts", "Authentication");

describe("Authentication methods carry their standalone function's JSDoc", () => {
  it("covers every operation", () => {
    expect(methods.size).toBeGreaterThanOrEqual(15);
  });

  it.each([...methods.keys()])("%s", (name) => {
    expect(typeof (auth as Record<string, unknown>)[name], `standalone ${name} exported`).toBe("function");
    const method = methods.get(name);
    const standalone = functionDoc(name);
    expect(standalone, `${name}: the function has a JSDoc`).toBeDefined();
    expect(method, `${name}: the method has a JSDoc`).toBeDefined();
    // The same words: what it does, the endpoint, the errors.
    expect(method!.text).toContain(standalone!.text);
    for (const doc of [standalone!, method!]) {
      expect(doc.text, `${name}: names the Plex endpoint`).toMatch(/\b(GET|POST) |nothing is sent/);
      expect(doc.text, `${name}: names the errors it throws`).toMatch(/Plex\w*Error/);
    }
    // An example each, in its own style.
    expect(standalone!.example).toContain(`${name}(`);
    expect(method!.example).toContain(`plex.authentication.${name}(`);
  });
});

describe("PlexAPI", () => {
  it("documents each public method with an example", () => {
    const plexApi = methodsOf("plex-api.ts", "PlexAPI");
    expect([...plexApi.keys()]).toEqual(["withAccessToken"]);
    for (const [name, doc] of plexApi) {
      expect(doc?.text, name).toMatch(/Plex\w*Error/);
      expect(doc?.example, name).toContain(`.${name}(`);
    }
  });
});
