/**
 * Commands the browser tests run in the test runner (Node), on the Playwright page: what a test
 * cannot do from inside the page — a host failing to serve a file, the system's reduced motion.
 */
import type { BrowserCommand } from 'vitest/node';

/** Requests whose URL contains `part` answer 404, as a static host missing a file would. */
const failRequests: BrowserCommand<[part: string]> = async (ctx, part) => {
  await ctx.page.route(
    (url) => url.pathname.includes(part),
    (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
  );
};

/** Ends every `failRequests`. */
const serveAgain: BrowserCommand<[]> = async (ctx) => {
  await ctx.page.unrouteAll({ behavior: 'ignoreErrors' });
};

/** The system's "reduce motion" setting, on or off. */
const reduceMotion: BrowserCommand<[on: boolean]> = async (ctx, on) => {
  await ctx.page.emulateMedia({ reducedMotion: on ? 'reduce' : 'no-preference' });
};

export const commands = { failRequests, serveAgain, reduceMotion };

declare module 'vitest/browser' {
  interface BrowserCommands {
    failRequests: (part: string) => Promise<void>;
    serveAgain: () => Promise<void>;
    reduceMotion: (on: boolean) => Promise<void>;
  }
}
