import { PlexResponseTooLargeError } from "../errors";

export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

const tooLarge = (limit: number, operation: string) =>
  new PlexResponseTooLargeError(
    `The ${operation} answer exceeds maxResponseBytes (${limit}); raise that option (client or call) if it is expected`,
    { maxResponseBytes: limit },
  );

/**
 * The body as text, counting the bytes fetch hands over (already decompressed, so a gzip bomb is
 * caught by what it inflates to) and cancelling the stream the moment `limit` is passed.
 */
export async function readBody(response: Response, limit: number, operation: string): Promise<string> {
  const body = response.body;
  if (body === null) return "";
  // The usual answer states its size and is not compressed: what arrives is what was announced
  // (fetch enforces Content-Length on the wire), so the platform's own text() is safe and cheaper
  // than a reader. An injected fetch that builds a Response with a false Content-Length is trusted as
  // the caller's own code. An announced size over the limit stops before the first read.
  const length = response.headers.has("content-encoding") ? null : response.headers.get("content-length");
  if (length !== null && +length <= limit) return response.text();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = +(length ?? 0) || 0;
  for (;;) {
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge(limit, operation);
    }
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}

const decoder = new TextDecoder();
