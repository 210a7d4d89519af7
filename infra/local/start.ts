/**
 * `npm start`: the whole system on this machine, data under `.local/` (kept between runs).
 * Ctrl-C stops the API and DynamoDB Local and leaves no process behind.
 */

import { setFlagsFromString } from 'node:v8';
import { missingJava } from './dynamodb.js';
import { defaultLocalDirectory, startLocalStack } from './stack.js';

// Under load V8 lets the heap grow to about four times what is live before it collects; a
// long-running npm start keeps to about 1.5 times instead (nothing leaks either way).
setFlagsFromString('--heap-growing-percent=50');

const javaProblem = missingJava();
if (javaProblem) {
  console.error(javaProblem);
  process.exit(1);
}

const stack = await startLocalStack({
  port: Number(process.env.PORT ?? 3000),
  localDirectory: process.env.LOCAL_DIRECTORY ?? defaultLocalDirectory,
  logLevel: process.env.LOG_LEVEL ?? 'INFO',
});

console.log(`
Complaint desk running locally
  Web desk       ${stack.apiUrl}/   (open it in a browser: file a complaint, sign in as an official)
  API            ${stack.apiUrl}   (OpenAPI: ${stack.apiUrl}/v1/openapi.json)
  E-mail viewer  ${stack.sesUrl}   (what the local SES received; JSON at ${stack.sesUrl}/store)
  Scheduler      ${stack.schedulerUrl}   (the EventBridge Scheduler emulator)
  DynamoDB Local ${stack.dynamodbEndpoint}   table ${stack.tableName}, ${stack.bodiesLoaded} bodies in the directory
  Official token npm run token -- --body akimat-astana   (add --authorized for the Agency)

First request:
  curl -s ${stack.apiUrl}/v1/calendar/due-date?from=2026-11-23\\&workingDays=5

Ctrl-C stops everything.
`);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  stack.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => {
  shutdown('SIGINT');
});
process.on('SIGTERM', () => {
  shutdown('SIGTERM');
});
// npm (or tsx) killed outright leaves this process orphaned: it stops too, and DynamoDB Local with it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown('parent gone');
}, 1_000).unref();
