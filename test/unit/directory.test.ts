import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { bodyDirectory, findBody } from '../../shared/bodies/index.js';
import { bodyKinds, toBodyView } from '../../shared/domain/bodies.js';
import { idSchema, parseWith } from '../../shared/validation/schemas.js';

const byKind = (kind: string) => bodyDirectory.filter((b) => b.kind === kind);

describe('R2: the body directory', () => {
  it('R2: ids are unique, valid API ids, and every parent exists without cycles', () => {
    const ids = new Set(bodyDirectory.map((b) => b.id));
    expect(ids.size).toBe(bodyDirectory.length);
    for (const body of bodyDirectory) {
      expect(parseWith(idSchema, body.id).ok).toBe(true);
      const seen = new Set<string>();
      for (
        let at: string | null = body.parentId;
        at !== null;
        at = findBody(at)?.parentId ?? null
      ) {
        expect(ids.has(at)).toBe(true);
        expect(seen.has(at)).toBe(false);
        seen.add(at);
      }
    }
  });

  it('R2: every body has Kazakh and Russian names, a known kind and a notification address', () => {
    const email = z.email();
    for (const body of bodyDirectory) {
      expect(bodyKinds).toContain(body.kind);
      expect(body.name.kk.trim()).not.toBe('');
      expect(body.name.ru.trim()).not.toBe('');
      expect(body.name.kk).not.toBe(body.name.ru);
      expect(email.safeParse(body.notificationEmail).success).toBe(true);
    }
  });

  it('R1, R2: one authorized body, the Agency for Civil Service Affairs', () => {
    expect(byKind('authorized_body').map((b) => b.id)).toEqual(['agency-civil-service']);
    expect(findBody('agency-civil-service')?.name.ru).toBe(
      'Агентство Республики Казахстан по делам государственной службы',
    );
  });

  it('R2: the akimats of all 17 regions and of Astana, Almaty and Shymkent', () => {
    const topAkimats = byKind('local_executive_body').filter((b) => b.parentId === null);
    expect(topAkimats).toHaveLength(20);
    for (const city of ['Астаны', 'Алматы', 'Шымкента']) {
      expect(topAkimats.some((b) => b.name.ru === `Акимат города ${city}`)).toBe(true);
    }
  });

  it('R2: samples of every other kind: central bodies, districts, akims, providers, service centers', () => {
    expect(byKind('central_state_body').length).toBeGreaterThanOrEqual(15);
    expect(
      byKind('local_executive_body').filter((b) => b.parentId !== null).length,
    ).toBeGreaterThanOrEqual(5);
    expect(byKind('akim').length).toBeGreaterThanOrEqual(5);
    expect(byKind('service_provider').length).toBeGreaterThanOrEqual(5);
    expect(byKind('public_service_center').length).toBeGreaterThanOrEqual(20);
  });

  it('R1: the public view adds the rules of the kind', () => {
    const provider = byKind('service_provider')[0];
    if (!provider) throw new Error('no service provider');
    expect(toBodyView(provider)).toMatchObject({ reviewWorkingDays: 5, mayExtend: false });
    const agency = findBody('agency-civil-service');
    if (!agency) throw new Error('no agency');
    expect(toBodyView(agency)).toEqual({
      id: 'agency-civil-service',
      kind: 'authorized_body',
      name: agency.name,
      parentId: null,
      reviewWorkingDays: 15,
      mayExtend: true,
      workingHoursEnd: '18:30',
    });
    // R4: a public service centre works until 20:00, and says so.
    const center = byKind('public_service_center')[0];
    if (!center) throw new Error('no public service centre');
    expect(toBodyView(center).workingHoursEnd).toBe('20:00');
    expect(findBody('no-such-body')).toBeUndefined();
  });
});
