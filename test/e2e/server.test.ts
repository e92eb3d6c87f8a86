import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {startStaticServer, type StaticServer} from "./server.js";

const scratch = mkdtempSync(join(tmpdir(), "static-server-"));
const root = join(scratch, "site");
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(join(root, "cases"), {recursive: true});
  writeFileSync(join(root, "index.html"), "home");
  writeFileSync(join(root, "value.html"), "value");
  writeFileSync(join(root, "cases", "index.html"), "cases");
  writeFileSync(join(root, "app.js"), "export {};");
  writeFileSync(join(scratch, "secret.txt"), "secret");
  server = await startStaticServer(root);
});

afterAll(async () => {
  await server?.close();
  rmSync(scratch, {recursive: true, force: true});
});

async function fetchPath(path: string, method = "GET") {
  const response = await fetch(`${server.origin}${path}`, {method});
  const type = response.headers.get("content-type");
  return {status: response.status, type, body: await response.text()};
}

describe("startStaticServer", () => {
  test("listens on 127.0.0.1", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each([
    ["/", "home"],
    ["/index.html", "home"],
    ["/value", "value"],
    ["/value.html", "value"],
    ["/cases/", "cases"],
    ["/cases", "cases"]
  ])("serves %s", async (path, body) => {
    const response = await fetchPath(path);
    expect(response.status).toBe(200);
    expect(response.body).toBe(body);
  });

  test("sends module content type", async () => {
    const response = await fetchPath("/app.js");
    expect(response.type).toBe("text/javascript; charset=utf-8");
  });

  test.each(["/missing.js", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%zz"])(
    "returns 404 for %s",
    async (path) => {
      const response = await fetchPath(path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain("secret");
    }
  );

  test("rejects POST with 405", async () => {
    const response = await fetchPath("/", "POST");
    expect(response.status).toBe(405);
  });
});
