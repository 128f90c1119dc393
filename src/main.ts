/**
 * The entry: starts fetching the graph the first chart shows, then loads the app, so that the
 * data comes in while the app's code loads and compiles (index.html preloads that code too).
 */
import { fetchFirst } from './io/bundled.ts';

fetchFirst();
void import('./ui/app/apparat-app.ts');
