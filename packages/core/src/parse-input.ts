import type { $ZodType } from "zod/v4/core";
import { PlexInvalidRequestError } from "./errors";
import { describeIssues, runSchema, toIssues } from "./internal/validate-response";

/**
 * Validates caller input against a schema before anything is sent.
 * Throws `PlexInvalidRequestError` with readable issues (paths and messages, never the values).
 */
export function parseInput<T>(schema: $ZodType<T>, value: unknown, what: string): T {
  const result = runSchema(schema, value);
  if (result instanceof Promise) {
    throw new PlexInvalidRequestError(
      `Invalid ${what}: the schema is asynchronous and cannot check input here`,
    );
  }
  if (result.issues === undefined) return result.value;
  const issues = toIssues(result);
  throw new PlexInvalidRequestError(`Invalid ${what}: ${describeIssues(issues)}`, { issues });
}
