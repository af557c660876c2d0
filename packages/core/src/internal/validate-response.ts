import type { $ZodType } from "zod/v4/core";
import { type PlexIssue, PlexValidationError } from "../errors";
import { createRedactor, type Redactor } from "./redactor";

// The Standard Schema surface every zod 4 schema carries. Validating through it instead of
// zod's safeParse keeps ZodError and the parse helpers out of the bundle.
type StandardResult<T> =
  | { value: T; issues?: undefined }
  | {
      issues: readonly {
        message: string;
        path?: readonly (PropertyKey | { key: PropertyKey })[];
        code?: string;
      }[];
    };
interface StandardSchema<T> {
  "~standard": { validate(value: unknown): StandardResult<T> | Promise<StandardResult<T>> };
}

/** Runs a zod (or zod/mini) schema and returns either the value or readable issues. */
export function runSchema<T>(
  schema: $ZodType<T>,
  value: unknown,
): StandardResult<T> | Promise<StandardResult<T>> {
  return (schema as unknown as StandardSchema<T>)["~standard"].validate(value);
}

export function toIssues(result: Exclude<StandardResult<unknown>, { value: unknown }>): PlexIssue[] {
  return result.issues.map((issue) => {
    const path = (issue.path ?? []).map((part) => (typeof part === "object" ? part.key : part));
    return issue.code === undefined
      ? { path, message: issue.message }
      : { path, message: issue.message, code: issue.code };
  });
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
  redactor: Redactor = createRedactor(),
): Promise<T> {
  let result: StandardResult<T>;
  try {
    result = await runSchema(schema, value);
  } catch (error) {
    throw new PlexValidationError(`The ${operation} response could not be validated`, {
      rawValue: redactor.value(value),
      issues: [{ path: [], message: redactor.clip(String((error as Error)?.message ?? error), 500) }],
    });
  }
  if (result.issues === undefined) return result.value;
  // A path segment can be a key the server chose (even the token used as a key): scrub those too.
  const issues = toIssues(result).map((issue) => ({
    ...issue,
    path: issue.path.map((part) => (typeof part === "string" ? redactor.text(part) : part)),
  }));
  throw new PlexValidationError(
    `The ${operation} response has an unexpected shape: ${describeIssues(issues)}`,
    {
      issues,
      rawValue: redactor.value(value),
    },
  );
}
