/**
 * What handlers read from the body directory beyond one body: the authorized body (R1: there is
 * one; it is alerted of what goes wrong anywhere) and the names texts use (bodies by name, R21).
 */

import type { Body } from '../../shared/domain/bodies.js';
import type { BodyDirectory } from '../../shared/ports.js';
import type { TextContext } from '../../shared/texts/context.js';
import { legalDate } from '../../shared/time/legal-time.js';

export async function authorizedBody(directory: BodyDirectory): Promise<Body> {
  const body = (await directory.all()).find((b) => b.kind === 'authorized_body');
  if (!body) throw new Error('The directory has no authorized body');
  return body;
}

/** The facts a text needs besides the complaint: names from the directory, and today's date. */
export async function textContext(directory: BodyDirectory, now: number): Promise<TextContext> {
  const bodies = await directory.all();
  const byId = new Map(bodies.map((body) => [body.id, body]));
  const agency = await authorizedBody(directory);
  return {
    bodyName: (id) => byId.get(id)?.name,
    authorizedBody: { id: agency.id, name: agency.name },
    today: legalDate(now),
  };
}
