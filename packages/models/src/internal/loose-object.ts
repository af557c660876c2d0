import * as z from "zod/mini";

/**
 * `z.looseObject` at run time (fields the schema does not know are kept, so a field Plex adds is never lost), typed
 * as `z.object`: the inferred output has no `[key: string]: unknown` index signature, so a typo such as
 * `account.usrname` fails to compile. The kept fields are read with `extraFields(schema, value)`.
 */
export const looseObject = z.looseObject as unknown as <const T extends z.core.$ZodLooseShape>(
  shape: T,
) => z.ZodMiniObject<z.core.util.Writeable<T>, z.core.$strip>;

/**
 * A nested schema typed by its named interface, so that hovering `account.subscription` shows `Subscription` rather
 * than its forty fields spelt out. A cast only: nothing changes at run time.
 */
export type Named<T> = z.ZodMiniType<T, unknown>;
