/**
 * The local SES: aws-ses-v2-local, in-process, on 127.0.0.1. It takes `@aws-sdk/client-ses`
 * SendEmail (region `aws-ses-v2-local`), shows received mail in a web viewer at its root, and
 * answers `GET /store` with what it received: the latest `keep` e-mails (1,000 unless told), since
 * the package would otherwise keep every e-mail for as long as the process runs.
 */

import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import sesLocal from 'aws-ses-v2-local';

export interface LocalSes {
  readonly url: string;
  readonly close: () => Promise<void>;
}

export interface ReceivedEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

export interface LocalSesOptions {
  /** How many of the latest e-mails the store keeps (default 1,000); older ones are dropped. */
  readonly keep?: number;
  /** How often the store is trimmed to `keep` (ms, default 1,000). */
  readonly trimEveryMs?: number;
}

export const defaultKeptEmails = 1_000;

// The package is CommonJS with `exports.default`: from ESM the start function sits one level down.
type Start = (config?: { host?: string; port?: number }) => Promise<Server>;
const start = ((sesLocal as unknown as { default?: Start }).default ??
  (sesLocal as unknown as Start)) satisfies Start;

// Its store is one module-level object (the same module instance the server requires), with the
// e-mails in an array it only ever appends to, and replaces on POST /clear-store.
const { getStoreReadonly } = createRequire(import.meta.url)('aws-ses-v2-local/dist/store.js') as {
  getStoreReadonly: () => { emails: unknown[] };
};

/** Drops all but the latest `keep` e-mails from the package's store. */
export function trimReceivedEmails(keep: number): number {
  const store = getStoreReadonly();
  const excess = store.emails.length - keep;
  if (excess <= 0) return 0;
  store.emails.splice(0, excess);
  return excess;
}

export async function startLocalSes(
  port: number,
  options: LocalSesOptions = {},
): Promise<LocalSes> {
  const keep = Math.max(0, options.keep ?? defaultKeptEmails);
  const server = await start({ host: '127.0.0.1', port });
  const trimming = setInterval(() => {
    trimReceivedEmails(keep);
  }, options.trimEveryMs ?? 1_000);
  trimming.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(trimming);
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** What the local SES has received so far (the latest it keeps). */
export async function receivedEmails(sesUrl: string): Promise<readonly ReceivedEmail[]> {
  const response = await fetch(`${sesUrl}/store`);
  const store = (await response.json()) as { emails: ReceivedEmail[] };
  return store.emails;
}
