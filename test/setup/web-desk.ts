/**
 * Once before the tests: the web desk built (when its sources changed), so that the npm starts of
 * the browser and end-to-end tests, running side by side, serve one build instead of racing to
 * make it.
 */

import { buildWebDesk } from '../../infra/local/web-desk.js';

export default async function setup(): Promise<void> {
  await buildWebDesk();
}
