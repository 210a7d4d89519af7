/**
 * The local SES: aws-ses-v2-local, in-process, on 127.0.0.1. It takes `@aws-sdk/client-ses`
 * SendEmail (region `aws-ses-v2-local`), shows received mail in a web viewer at its root, and
 * answers `GET /store` with what it received.
 */

import type { Server } from 'node:http';
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

// The package is CommonJS with `exports.default`: from ESM the start function sits one level down.
type Start = (config?: { host?: string; port?: number }) => Promise<Server>;
const start = ((sesLocal as unknown as { default?: Start }).default ??
  (sesLocal as unknown as Start)) satisfies Start;

export async function startLocalSes(port: number): Promise<LocalSes> {
  const server = await start({ host: '127.0.0.1', port });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** What the local SES has received so far. */
export async function receivedEmails(sesUrl: string): Promise<readonly ReceivedEmail[]> {
  const response = await fetch(`${sesUrl}/store`);
  const store = (await response.json()) as { emails: ReceivedEmail[] };
  return store.emails;
}
