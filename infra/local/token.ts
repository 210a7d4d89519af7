/**
 * `npm run token -- --body <bodyId> [--authorized] [--sub <id>] [--hours <n>]`: prints an official's
 * JWT from the local issuer (the key `npm start` verifies against).
 */

import path from 'node:path';
import { parseArgs } from 'node:util';
import { localIssuerAt } from './issuer.js';
import { defaultLocalDirectory } from './stack.js';

const { values } = parseArgs({
  options: {
    body: { type: 'string' },
    authorized: { type: 'boolean', default: false },
    sub: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});

if (values.body === undefined) {
  console.error(
    'Usage: npm run token -- --body <bodyId> [--authorized] [--sub <id>] [--hours <n>]',
  );
  process.exit(2);
}

const issuer = await localIssuerAt(
  path.join(process.env.LOCAL_DIRECTORY ?? defaultLocalDirectory, 'issuer'),
);
console.log(
  await issuer.sign({
    bodyId: values.body,
    authorizedBody: values.authorized,
    expiresIn: Number(values.hours) * 3600,
    ...(values.sub === undefined ? {} : { sub: values.sub }),
  }),
);
