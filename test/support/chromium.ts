/**
 * The browser the browser tests drive: Debian's `chromium` package (browsers cannot be downloaded
 * here), found on the PATH or at CHROMIUM_PATH. `npm test` makes sure it is there first
 * (`test/setup/ensure-chromium.ts`); a missing browser fails the run, it never skips a test.
 */

import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const candidates = ['chromium', 'chromium-browser'];

export function chromiumPath(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return explicit;
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of candidates) {
      const file = path.join(directory, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const installInstruction =
  'The browser tests need Chromium: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH, then npm test again.';
