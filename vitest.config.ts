import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "node_modules/**"],
    // Some tests start Node processes (loaders, command line, site checker); on a busy machine
    // one of them can take longer than vitest's 5 s default.
    testTimeout: 30_000
  }
});
