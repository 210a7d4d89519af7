/**
 * Bodies a complaint can be addressed to, and what the law lets each kind do (R1).
 */

import type { LocalizedText } from '../localized.js';

export const bodyKinds = [
  'central_state_body',
  'local_executive_body',
  'akim',
  'service_provider',
  'public_service_center',
  'authorized_body',
] as const;

export type BodyKind = (typeof bodyKinds)[number];

export type { LocalizedText } from '../localized.js';

/** One entry of the body directory (R2). */
export interface Body {
  /** Stable, URL-safe id (lowercase latin, digits and hyphens). */
  readonly id: string;
  readonly kind: BodyKind;
  /** The body this one reports to, or null for the top of a hierarchy. */
  readonly parentId: string | null;
  readonly name: LocalizedText;
  /** Where alerts for the body's officials go (R11). */
  readonly notificationEmail: string;
  /** End of the working day in Asia/Almaty, "HH:MM"; absent means the default 18:30 (R4). */
  readonly workingHoursEnd?: string;
}

/** What the law lets a body of each kind do: the table of R1. */
export interface BodyKindRules {
  /** [S4][S5]: 5 working days, 15 for the authorized body. */
  readonly reviewWorkingDays: number;
  /** [S7]: service providers and public service centers are not named, so they may not extend. */
  readonly mayExtend: boolean;
  /** [S6.2]: the kinds the authorized body sends recommendations to. */
  readonly mayReceiveRecommendations: boolean;
}

export const bodyKindRules: Readonly<Record<BodyKind, BodyKindRules>> = {
  central_state_body: { reviewWorkingDays: 5, mayExtend: true, mayReceiveRecommendations: true },
  local_executive_body: { reviewWorkingDays: 5, mayExtend: true, mayReceiveRecommendations: true },
  akim: { reviewWorkingDays: 5, mayExtend: true, mayReceiveRecommendations: true },
  service_provider: { reviewWorkingDays: 5, mayExtend: false, mayReceiveRecommendations: false },
  public_service_center: {
    reviewWorkingDays: 5,
    mayExtend: false,
    mayReceiveRecommendations: false,
  },
  authorized_body: { reviewWorkingDays: 15, mayExtend: true, mayReceiveRecommendations: false },
};

/** R8: the most working days all extensions of one complaint may add up to. */
export const maxExtensionWorkingDays = 10;

/** R4: the end of the working day when a body sets none (Administrative Procedural Code, art. 64). */
export const defaultWorkingHoursEnd = '18:30';

/** A body as the public API shows it (`GET /v1/bodies`). */
export interface BodyView {
  readonly id: string;
  readonly kind: BodyKind;
  readonly name: LocalizedText;
  readonly parentId: string | null;
  readonly reviewWorkingDays: number;
  readonly mayExtend: boolean;
  /** R4: a complaint received at or after this time (HH:MM, legal time) is registered the next working day. */
  readonly workingHoursEnd: string;
}

export function toBodyView(body: Body): BodyView {
  const rules = bodyKindRules[body.kind];
  return {
    id: body.id,
    kind: body.kind,
    name: body.name,
    parentId: body.parentId,
    reviewWorkingDays: rules.reviewWorkingDays,
    mayExtend: rules.mayExtend,
    workingHoursEnd: body.workingHoursEnd ?? defaultWorkingHoursEnd,
  };
}
