/**
 * `npm run bench`: the project's performance figures, printed. Benchmarks, not tests: they state
 * what the code does on this machine, they do not pass or fail.
 */

import os from 'node:os';
import { benchApi } from './api.js';
import { benchCalendar } from './calendar.js';
import { benchNotices } from './notices.js';

// As in npm start: the SDK's Node 22 notice is known (Lambda runs 22) and would only add noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const format = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

console.log(
  `node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown cpu'} · ${os.cpus().length} cores\n`,
);

console.log('Calendar (shared/calendar), one core');
for (const result of benchCalendar()) {
  console.log(`  ${result.name.padEnd(56)} ${format(result.opsPerSecond).padStart(14)} ops/s`);
}

console.log(
  '\nAPI through the local front door on DynamoDB Local (npm start’s engines, in memory)',
);
const api = await benchApi();
for (const r of api.load) {
  console.log(
    `  ${r.name.padEnd(56)} ${format(r.requests).padStart(6)} req, ${r.concurrency} at once: p50 ${format(r.p50, 1)} ms, p99 ${format(r.p99, 1)} ms, ${format(r.perSecond)} req/s`,
  );
}
console.log('\nDynamoDB calls per request (warm)');
for (const [endpoint, calls] of api.calls) console.log(`  ${endpoint.padEnd(40)} ${calls}`);

console.log('\nNotices through the Scheduler emulator and the local SES (R9)');
for (const r of await benchNotices()) {
  console.log(
    `  ${r.name.padEnd(56)} ${format(r.samples).padStart(6)} samples: p50 ${format(r.p50, 1)} ms, p99 ${format(r.p99, 1)} ms, max ${format(r.max, 1)} ms`,
  );
}
