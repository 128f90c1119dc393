// Before the browser tests: find Debian's Chromium, install it when we may (root with apt-get),
// or stop with one line saying how to get it. Never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

if (!chromiumPath()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.error('apparat: Chromium not found; installing Debian\'s chromium with apt-get ...');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      /* reported below */
    }
  }
  if (!chromiumPath()) {
    console.error('apparat: the browser tests need Chromium: run `sudo apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary), then `npm test` again.');
    process.exit(1);
  }
}
