import { expect, test } from 'vitest';
import '../../src/ui/app/apparat-app.ts';

test('the app lists the bundled graphs', async () => {
  const app = document.createElement('apparat-app');
  document.body.append(app);
  await expect.poll(() => app.shadowRoot?.textContent ?? '', { timeout: 10_000 }).toContain('Example');
  app.remove();
});
