import { redact, redactText } from "../redact";

/**
 * The literal secrets of one call (the token in use, the sign-in password…) and every way of
 * scrubbing them: one object handed to decoding, validation and error mapping instead of a list.
 */
export interface Redactor {
  /** Remembers a value resolved during the call (a token a function returned). */
  add(secret: string | undefined): void;
  text(text: string): string;
  /** At most `limit` characters of redacted text, with no secret (or prefix of one) cut in two. */
  clip(text: string, limit: number): string;
  value(value: unknown): unknown;
  /** A copy with secret values, and headers whose name carries a secret, scrubbed. */
  headers(headers: Headers): Headers;
  readonly secrets: readonly string[];
}

// Very short values would redact ordinary words; real tokens and passwords are longer.
const MIN_SECRET = 4;
// Redaction looks this far past the limit, so a field cut by the window is still recognised.
const MARGIN = 256;

export function createRedactor(initial: readonly (string | number | undefined)[] = []): Redactor {
  const secrets: string[] = [];
  const add = (secret: string | number | undefined) => {
    const value = secret === undefined ? "" : String(secret);
    if (value.length >= MIN_SECRET && !secrets.includes(value)) secrets.push(value);
  };
  initial.forEach(add);
  const text = (input: string) => redactText(input, secrets);
  return {
    add,
    text,
    secrets,
    clip(input, limit) {
      // Only a window is scrubbed: a 10 MB body costs what its first few kB cost.
      const long = input.length > limit;
      let out = text(long ? input.slice(0, limit + MARGIN) : input);
      if (out.length <= limit) return out;
      out = out.slice(0, limit);
      // Drop a literal secret cut in two by the window or the limit (a prefix of > 4 characters).
      for (const secret of secrets) {
        for (let size = Math.min(secret.length - 1, out.length); size > MIN_SECRET; size--) {
          if (out.endsWith(secret.slice(0, size))) {
            out = out.slice(0, -size);
            break;
          }
        }
      }
      return `${out}…`;
    },
    value: (input) => redact(input, secrets),
    headers(input) {
      const out = new Headers();
      input.forEach((value, name) => {
        if (!secrets.some((secret) => name.includes(secret.toLowerCase()))) out.append(name, text(value));
      });
      return out;
    },
  };
}
