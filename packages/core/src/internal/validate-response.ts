import { type $ZodIssue, type $ZodType, safeParseAsync } from "zod/v4/core";
import { type PlexIssue, PlexValidationError } from "../errors";
import { redact } from "../redact";

export function toIssues(issues: readonly $ZodIssue[]): PlexIssue[] {
  return issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code }));
}

export function describeIssues(issues: readonly PlexIssue[]): string {
  const shown = issues
    .slice(0, 3)
    .map(
      (issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)"}: ${issue.message}`,
    );
  return issues.length > 3 ? `${shown.join("; ")}; and ${issues.length - 3} more` : shown.join("; ");
}

/** Validates a decoded body; never lets a ZodError (or the unredacted value) escape. */
export async function validateResponse<T>(
  schema: $ZodType<T>,
  value: unknown,
  operation: string,
  secrets: readonly (string | undefined)[] = [],
): Promise<T> {
  let result: Awaited<ReturnType<typeof safeParseAsync<$ZodType<T>>>>;
  try {
    result = await safeParseAsync(schema, value);
  } catch (error) {
    throw new PlexValidationError(`The ${operation} response could not be validated`, {
      rawValue: redact(value, secrets),
      issues: [{ path: [], message: String((error as Error)?.message ?? error) }],
    });
  }
  if (result.success) return result.data as T;
  const issues = toIssues(result.error.issues);
  throw new PlexValidationError(
    `The ${operation} response has an unexpected shape: ${describeIssues(issues)}`,
    {
      issues,
      rawValue: redact(value, secrets),
    },
  );
}
