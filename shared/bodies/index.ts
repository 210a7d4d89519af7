/**
 * The body directory (R2) as the domain reads it: every body by id.
 */

import type { Body } from '../domain/bodies.js';
import { bodyDirectory } from './directory.js';

export { bodyDirectory } from './directory.js';

const byId: ReadonlyMap<string, Body> = new Map(bodyDirectory.map((body) => [body.id, body]));

/** R2: the body with this id, or undefined: a complaint to an unknown body is refused. */
export function findBody(id: string): Body | undefined {
  return byId.get(id);
}
