import type * as z from "zod/mini";

/**
 * The fields of a parsed response that its schema does not know. Every response type keeps them at run time (Plex
 * adds fields without notice) but does not declare them, so that a typo like `account.usrname` fails to compile;
 * this is the one typed way to read them. Nested objects have their own schema: `extraFields(UserProfileSchema,
 * account.profile)`.
 *
 * @example
 * ```ts
 * // extraFields and the schemas come from @plex/models, or @plex/auth which re-exports them.
 * const { data: account } = await getTokenDetails(client);
 * const extras = extraFields(UserPlexAccountSchema, account); // Record<string, unknown>
 * console.log(extras.someNewPlexField);
 * ```
 */
export function extraFields<S extends z.ZodMiniObject>(
  schema: S,
  value: z.output<S>,
): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value))
    if (!Object.hasOwn(schema.shape, key)) extras[key] = field;
  return extras;
}
