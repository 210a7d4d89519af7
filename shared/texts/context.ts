/**
 * What a text needs besides the complaint: bodies' names (texts name bodies, never ids), the
 * authorized body (R21: where to appeal next) and the legal date of composing (an e-mail sent late
 * must not claim to be in time). Passed in by the caller: the texts read no clock and no store.
 */

import type { IsoDate } from '../calendar/dates.js';
import type { Complaint } from '../domain/complaint.js';
import type { LocalizedText } from '../localized.js';

export interface TextContext {
  /** A body's name by id, from the directory: texts name bodies, never ids. */
  readonly bodyName: (id: string) => LocalizedText | undefined;
  /** The authorized body (R21: the route onward names it). */
  readonly authorizedBody: { readonly id: string; readonly name: LocalizedText };
  /** The legal date (Asia/Almaty) on which the text is composed: an e-mail sent after its notice's due date must not claim to be in time. */
  readonly today: IsoDate;
}

/**
 * The name of body `id`: the addressee's and the authorized body's as already known, any other from
 * the directory; the id itself only as a last resort (a body missing from the directory is a data
 * fault, but an alert that says which body is still better than none).
 */
export function nameOfBody(
  id: string,
  complaint: Pick<Complaint, 'addressee'>,
  context: TextContext,
): LocalizedText {
  if (id === complaint.addressee.id) return complaint.addressee.name;
  if (id === context.authorizedBody.id) return context.authorizedBody.name;
  return context.bodyName(id) ?? { kk: id, ru: id };
}

/**
 * R21: whether the body that decided is the authorized body, whose decisions are appealed to court
 * only (a decision is never appealed to the body that took it).
 */
export function decidedByAuthorizedBody(
  complaint: Pick<Complaint, 'addressee'>,
  context: TextContext,
): boolean {
  return (
    complaint.addressee.kind === 'authorized_body' ||
    complaint.addressee.id === context.authorizedBody.id
  );
}
