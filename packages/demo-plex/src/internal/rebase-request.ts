/**
 * Maps a request made against some base URL onto the demo's own paths: a request to
 * `<base>/user` becomes `<origin><prefix>/user`. This lets the demo sit behind bases such as
 * `http://localhost:9999/fake-plex-tv` while still routing on its fixed paths.
 */
export async function rebaseRequest(request: Request, base: string, prefix: string): Promise<Request> {
  const url = new URL(request.url);
  const basePath = new URL(base).pathname.replace(/\/+$/, "");
  const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
  const target = new URL(`${prefix}${rest}${url.search}`, url.origin);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(target, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
  });
}
