/**
 * `npm run bench`: the project's performance figures, printed. Benchmarks, not tests: they state
 * what the code does on this machine, they do not pass or fail.
 */

import os from 'node:os';
import { benchCalendar } from './calendar.js';

const format = (n: number): string => Math.round(n).toLocaleString('en-US');

console.log(
  `node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown cpu'} · one core (single thread)\n`,
);
console.log('Calendar (shared/calendar)');
for (const result of benchCalendar()) {
  console.log(`  ${result.name.padEnd(52)} ${format(result.opsPerSecond).padStart(14)} ops/s`);
}
