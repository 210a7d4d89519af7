/** Requests and bodies shared by the tests. */

import type { Body, BodyKind } from '../shared/domain/bodies.js';
import type { Principal } from '../shared/domain/complaint.js';

export const electronicFiling = {
  channel: 'electronic',
  addresseeId: 'akimat-astana',
  applicant: {
    type: 'individual',
    iin: '900101400013',
    name: 'Айгүл Серікқызы',
    email: 'applicant@example.kz',
    phone: '+77011234567',
    language: 'kk',
  },
  subject: {
    type: 'decision',
    service: 'Выдача справки о зарегистрированных правах',
    respondent: 'ГУ «Отдел земельных отношений»',
    occurredOn: '2026-11-20',
  },
  text: 'Мне отказали без объяснения причин.',
};

/** R20: who accepted a paper complaint at the counter. */
export const acceptedBy = { name: 'Сейткали Нурлан', position: 'главный специалист канцелярии' };

/** One body of each kind, independent of the directory data. */
export const bodies = {
  akimat: body('akimat-astana', 'local_executive_body'),
  ministry: body('ministry-justice', 'central_state_body'),
  akim: body('akim-yesil-district', 'akim'),
  provider: body('land-relations-department', 'service_provider'),
  center: { ...body('con-astana-1', 'public_service_center'), workingHoursEnd: '20:00' },
  agency: body('agency-civil-service', 'authorized_body'),
} satisfies Record<string, Body>;

function body(id: string, kind: BodyKind): Body {
  return {
    id,
    kind,
    parentId: null,
    name: { kk: `${id} (kk)`, ru: `${id} (ru)` },
    notificationEmail: `${id}@notify.complaints.example`,
  };
}

export const principals = {
  anonymous: { type: 'anonymous' },
  system: { type: 'system', process: 'test' },
  officialOf: (b: Body, authorizedBody = false): Principal => ({
    type: 'official',
    sub: `official-of-${b.id}`,
    bodyId: b.id,
    authorizedBody,
  }),
} as const satisfies Record<string, Principal | ((b: Body, authorizedBody?: boolean) => Principal)>;

/** `2026-11-23T10:00` in Asia/Almaty (UTC+5), as epoch milliseconds. */
export function almaty(localDateTime: string): number {
  return Date.parse(`${localDateTime}:00+05:00`);
}
