/**
 * Before `npm test`: Chromium for the browser tests. Present: nothing to do. Missing and running as
 * root (CI): installed with apt-get. Missing otherwise: one line saying what to run, and the test
 * command stops (a browser test is never skipped for want of a browser).
 */

import { spawnSync } from 'node:child_process';
import { chromiumPath, installInstruction } from '../support/chromium.js';

if (chromiumPath() === undefined) {
  const root = process.getuid?.() === 0;
  const aptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (!root || !aptGet) {
    console.error(installInstruction);
    process.exit(1);
  }
  console.log('Installing Chromium for the browser tests (apt-get)…');
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: environment });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed. ${installInstruction}`);
      process.exit(1);
    }
  }
  if (chromiumPath() === undefined) {
    console.error(installInstruction);
    process.exit(1);
  }
}
