/** The directory of bodies, read once per page load (about a hundred, two pages of the API). */

import type { BodyList, BodyView } from '../../shared/validation/responses.js';
import { query, request } from './api.js';
import type { Language } from './i18n/index.js';

export type Body = BodyView;

let directory: Promise<Body[]> | undefined;

export function bodies(): Promise<Body[]> {
  directory ??= (async () => {
    const all: Body[] = [];
    let cursor: string | undefined;
    do {
      const page = await request<BodyList>(`/v1/bodies${query({ limit: 100, cursor })}`);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return all;
  })();
  directory.catch(() => {
    directory = undefined; // a failed read is tried again next time
  });
  return directory;
}

/** Bodies whose name in either language contains every word typed, in directory order. */
export function searchBodies(all: readonly Body[], text: string): Body[] {
  const words = text
    .toLocaleLowerCase('ru')
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...all];
  return all.filter((body) => {
    const names = `${body.name.kk} ${body.name.ru}`.toLocaleLowerCase('ru');
    return words.every((word) => names.includes(word));
  });
}

export function bodyName(body: Body | undefined, language: Language): string {
  return body ? body.name[language] : '';
}
