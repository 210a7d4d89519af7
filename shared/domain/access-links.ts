/**
 * The applicant's follow-up link (docs/api.md, "Access links"): the private address of the web desk
 * that opens one complaint with an access token (R15). The receipt e-mail carries one, and anyone
 * may ask (`POST /v1/access-links`) for a new one to be e-mailed to the address an electronic
 * complaint gave, at most `accessLinksPerDay` times a legal day. Which pair matches, and whether the
 * day's links are used up, is decided here; nothing of it reaches the answer.
 *
 * A link e-mail is kept on the complaint like a notice (pending, sent or failed, with its tries) but
 * is not one of the notices the law requires (R9): it has no due date, and a link that cannot be
 * delivered alerts nobody. The token itself is minted when the e-mail is sent, never stored here.
 * Pure: time comes as a value.
 */

import type { Language } from '../localized.js';
import {
  formatLegalInstant,
  legalDate,
  recordedInstant,
  type Instant,
} from '../time/legal-time.js';
import type { AccessLink, Complaint, Notice } from './complaint.js';

/** How many follow-up links one complaint may be sent in one legal day (Asia/Almaty). */
export const accessLinksPerDay = 3;

export interface AccessLinkRequest {
  readonly email: string;
  /** The id of the link e-mail, should one go out. */
  readonly linkId: string;
}

/** The same address, as people write it: case does not matter, surrounding spaces neither. */
function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Whether a request names this complaint: an electronic one (a paper complaint is answered by
 * letter, R9, and gets no link) whose applicant gave this e-mail address.
 */
export function accessLinkMatches(complaint: Complaint, email: string): boolean {
  const address = complaint.applicant.email;
  return complaint.channel === 'electronic' && address !== undefined && sameAddress(address, email);
}

/** The links asked for on a legal day, sent or not: each counts against that day. */
export function accessLinksOn(complaint: Complaint, date: string): number {
  return (complaint.accessLinks ?? []).filter(
    (link) => legalDate(recordedInstant(link.createdAt)) === date,
  ).length;
}

/**
 * The complaint with a new pending link e-mail, or undefined when none may go out: the pair does
 * not match, or today's links are used up. Not a change of the complaint's own record (its
 * version stays): an outbox entry, recorded in the history once it is sent (`notice_sent`).
 */
export function requestAccessLink(
  complaint: Complaint,
  request: AccessLinkRequest,
  now: Instant,
): Complaint | undefined {
  if (!accessLinkMatches(complaint, request.email)) return undefined;
  if (accessLinksOn(complaint, legalDate(now)) >= accessLinksPerDay) return undefined;
  const link: AccessLink = {
    id: request.linkId,
    language: complaint.applicant.language,
    status: 'pending',
    createdAt: formatLegalInstant(now),
  };
  return { ...complaint, accessLinks: [...(complaint.accessLinks ?? []), link] };
}

/**
 * Whether a notice carries the follow-up link (and so a freshly minted token): the receipt of an
 * electronic complaint, by e-mail. (Every link e-mail carries one too.)
 */
export function carriesFollowUpLink(notice: Notice): boolean {
  return notice.kind === 'registration' && notice.form === 'email';
}

/**
 * The web desk's follow-up address: `<web desk>/follow#lang=<kk|ru>&token=<token>`. The token is in
 * the fragment, which browsers never send to a server nor put in a Referer; the query stays empty.
 */
export function followUpLink(webDeskUrl: string, language: Language, token: string): string {
  const base = webDeskUrl.replace(/\/+$/, '');
  return `${base}/follow#lang=${language}&token=${encodeURIComponent(token)}`;
}
