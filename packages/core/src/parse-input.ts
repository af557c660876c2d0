import { type $ZodType, safeParse } from "zod/v4/core";
import { PlexInvalidRequestError } from "./errors";
import { describeIssues, toIssues } from "./internal/validate-response";

/**
 * Validates caller input against a schema before anything is sent.
 * Throws `PlexInvalidRequestError` with readable issues (paths and messages, never the values).
 */
export function parseInput<T>(schema: $ZodType<T>, value: unknown, what: string): T {
  const result = safeParse(schema, value);
  if (result.success) return result.data as T;
  const issues = toIssues(result.error.issues);
  throw new PlexInvalidRequestError(`Invalid ${what}: ${describeIssues(issues)}`, { issues });
}
