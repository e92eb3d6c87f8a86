import {defineConfig} from "vitest/config";

// Browser tests of the built site (`npm run test:e2e`), kept apart from the unit tests
// because they need `npm run build` first and a Chromium binary.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
});
