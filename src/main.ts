/**
 * The entry: starts fetching the bundled graphs, then loads the app, so that the data comes in
 * while the app's code loads and compiles (index.html preloads that code too).
 */
import { fetchBundled } from './io/bundled.ts';

void fetchBundled();
void import('./ui/app/apparat-app.ts');
