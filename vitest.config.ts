import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { commands } from './test/browser/commands.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Round trips of whole graphs through the CLI take seconds; a busy 2-core CI machine, more.
          testTimeout: 60_000,
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // Two cores: one browser page at a time; a generous timeout, as a busy CI machine needs.
          fileParallelism: false,
          testTimeout: 90_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath() ?? undefined, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
            commands,
            viewport: { width: 1280, height: 800 },
          },
        },
      },
    ],
  },
});
