/**
 * `npm run bench`: the project's performance figures, printed. Benchmarks, not tests: they state
 * what the code does on this machine, they do not pass or fail.
 */

import os from 'node:os';
import { benchApi } from './api.js';
import { benchBundles } from './bundles.js';
import { benchCalendar } from './calendar.js';
import { assumptions, measureComplaintAtMost, monthlyCost } from './capacity.js';
import { benchLocalStack } from './local-stack.js';
import { benchNotices } from './notices.js';
import { benchReconciliation } from './outbox.js';
import { benchJavaScriptBudgets, benchLighthouse } from './web.js';

// As in npm start: the SDK's Node 22 notice is known (Lambda runs 22) and would only add noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const format = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

console.log(
  `node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown cpu'} · ${os.cpus().length} cores\n`,
);

// `npm run bench -- bundles notices` runs only the sections named; no names, all of them.
const sections = [
  'calendar',
  'api',
  'local',
  'notices',
  'reconcile',
  'bundles',
  'cost',
  'web',
] as const;
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(sections as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}; the sections are ${sections.join(', ')}`);
  process.exit(2);
}
const runs = (section: (typeof sections)[number]): boolean =>
  wanted.length === 0 || wanted.includes(section);

if (runs('calendar')) {
  console.log('Calendar (shared/calendar), one core');
  for (const result of benchCalendar()) {
    console.log(`  ${result.name.padEnd(56)} ${format(result.opsPerSecond).padStart(14)} ops/s`);
  }
}

if (runs('api')) {
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
}

if (runs('local')) {
  console.log(
    '\nnpm start itself (its own engines: DynamoDB Local on file, the emulator with its journal, the stream poller)',
  );
  const local = await benchLocalStack();
  const ratio = local.inMemoryFilingsPerSecond / local.npmStartFilingsPerSecond;
  console.log(
    `  POST /v1/complaints, 16 at once         npm start ${format(local.npmStartFilingsPerSecond)} req/s · in memory ${format(local.inMemoryFilingsPerSecond)} req/s · ${format(ratio, 2)}× (goal ≥ 100 req/s, ≤ 1.5×)`,
  );
  console.log(
    `  RSS of the runner                        ${format(local.rssAfterWarmUpMiB)} MiB after warm-up · ${format(local.rssAfterLoadMiB)} MiB after ${format(local.requestsUnderLoad)} more requests · ${format(local.rssAfterLoadMiB / local.rssAfterWarmUpMiB, 2)}× (goal ≤ 1.3×)`,
  );
}

if (runs('notices')) {
  console.log('\nNotices through the Scheduler emulator and the local SES (R9)');
  for (const r of await benchNotices()) {
    console.log(
      `  ${r.name.padEnd(56)} ${format(r.samples).padStart(6)} samples: p50 ${format(r.p50, 1)} ms, p99 ${format(r.p99, 1)} ms, max ${format(r.max, 1)} ms`,
    );
  }
}

if (runs('reconcile')) {
  console.log(
    '\nReconciliation by exception (GSI3: what lags), over 10,000 open complaints on DynamoDB Local',
  );
  for (const r of await benchReconciliation()) {
    console.log(
      `  ${r.name.padEnd(24)} ${format(r.open)} open, ${format(r.lagging)} lagging: ${format(r.schedulerCalls)} Scheduler calls (${r.byKind}), ${format(r.dynamoDbCalls)} DynamoDB calls, ${format(r.ms)} ms`,
    );
  }
}

if (runs('bundles')) {
  console.log(
    '\nBundles as deployed (infra/bundling.ts: minified ESM, SDK from the runtime); cold import, median of 20 fresh processes',
  );
  console.log(
    `  ${'function'.padEnd(22)} ${'bytes'.padStart(9)}  ${'load ms'.padStart(8)} ${'empty ms'.padStart(8)} ${'ratio'.padStart(6)}  SDK packages`,
  );
  for (const r of await benchBundles()) {
    const flags = [
      r.api && r.bytes > 300_000 ? 'over 300 KB' : '',
      r.loadMs > 1.5 * r.emptyLoadMs ? 'over 1.5×' : '',
    ].filter(Boolean);
    console.log(
      `  ${r.name.padEnd(22)} ${format(r.bytes).padStart(9)}  ${format(r.loadMs, 1).padStart(8)} ${format(r.emptyLoadMs, 1).padStart(8)} ${format(r.loadMs / r.emptyLoadMs, 2).padStart(5)}×  ${r.sdkPackages.join(' ')}${flags.length > 0 ? `  ← ${flags.join(', ')}` : ''}`,
    );
  }
}

if (runs('cost')) {
  console.log(
    '\nOne complaint’s life on the local engines (file, 4 reads, list, extension, reminder, decision); the largest of 3 runs',
  );
  const usage = await measureComplaintAtMost();
  const line = (label: string, value: string): void => {
    console.log(`  ${label.padEnd(40)} ${value}`);
  };
  line('API requests', [...usage.requests].map(([name, n]) => `${String(n)} ${name}`).join(', '));
  line(
    'scheduled invocations',
    [...usage.invocations].map(([name, n]) => `${String(n)} ${name}`).join(', '),
  );
  line('e-mails sent', String(usage.emails));
  line(
    'DynamoDB write / read units',
    `${format(usage.writeUnits, 1)} WRU / ${format(usage.readUnits, 1)} RRU`,
  );
  line('stored, with index copies', `${format(usage.storedBytes)} bytes`);
  console.log(
    `\nMonthly AWS cost (USD; us-east-1 list prices in bench/capacity.ts; usage lines +${format((assumptions.usageMargin - 1) * 100)}%; ${String(assumptions.billedSecondsPerInvocation)} s billed per invocation)`,
  );
  for (const perYear of [100_000, 1_000_000]) {
    const lines = monthlyCost(usage, perYear);
    console.log(`  ${format(perYear)} complaints a year:`);
    for (const cost of lines)
      console.log(
        `    ${cost.service.padEnd(24)} ${format(cost.monthly, 2).padStart(9)}  ${cost.basis}`,
      );
    console.log(
      `    ${'total'.padEnd(24)} ${format(
        lines.reduce((sum, c) => sum + c.monthly, 0),
        2,
      ).padStart(9)}`,
    );
  }
}

if (runs('web')) {
  console.log('\nThe web desk: JavaScript each role loads (gzip -9 of the build npm start serves)');
  for (const budget of await benchJavaScriptBudgets()) {
    const over = budget.gzipBytes > budget.budgetBytes ? '  ← over budget' : '';
    console.log(
      `  ${budget.role.padEnd(10)} ${budget.pages.padEnd(34)} ${format(budget.gzipBytes / 1024, 1).padStart(6)} KB (budget ${format(budget.budgetBytes / 1024)} KB)${over}`,
    );
  }
  console.log('\nLighthouse on the filing page (npm start’s stack, Debian Chromium)');
  for (const score of await benchLighthouse()) {
    console.log(
      `  ${score.page} ${score.formFactor.padEnd(8)} performance ${String(score.performance).padStart(3)} (goal ≥ 95) · accessibility ${String(score.accessibility).padStart(3)} (goal 100) · LCP ${format(score.largestContentfulPaintMs)} ms · TBT ${format(score.totalBlockingTimeMs)} ms`,
    );
  }
}
