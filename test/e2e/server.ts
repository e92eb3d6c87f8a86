import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, relative, resolve, sep} from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf"
};

export interface StaticServer {
  /** Origin of the server, such as "http://127.0.0.1:41234". */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 at a free port that serves the files under `root`.
 * It handles GET and HEAD only (other methods get 405). It maps "/" and "/dir/" to index.html
 * and "/page" to page.html, as Observable Framework's clean URLs expect. Paths that leave
 * `root` get 404.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, {allow: "GET, HEAD"}).end();
      return;
    }
    const file = findFile(base, new URL(request.url ?? "/", "http://localhost").pathname);
    if (file === undefined) {
      response.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("not found\n");
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    response.writeHead(200, {"content-type": type, "cache-control": "no-store"});
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      })
  };
}

function findFile(base: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const target = join(base, path);
  const inside = relative(base, target);
  if (inside === ".." || inside.startsWith(`..${sep}`)) return undefined;

  const candidates = path.endsWith("/")
    ? [join(target, "index.html")]
    : [target, `${target}.html`, join(target, "index.html")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}
