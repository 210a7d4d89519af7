/**
 * The applicant's access token: it arrives in the follow-up link's fragment (never its query, so
 * it reaches no server log), is moved to session storage at once and wiped from the address bar.
 */

import type { Language } from './i18n/index.js';

const tokenKey = 'desk.access-token';

export function rememberAccessToken(token: string): void {
  sessionStorage.setItem(tokenKey, token);
}

export function forgetAccessToken(): void {
  sessionStorage.removeItem(tokenKey);
}

export function rememberedAccessToken(): string | undefined {
  return sessionStorage.getItem(tokenKey) ?? undefined;
}

/** The complaint an access token opens (`ap.<id>.<secret>`). */
export function complaintIdOf(token: string): string | undefined {
  const match = /^ap\.([^.]+)\.[A-Za-z0-9_-]+$/.exec(token.trim());
  return match?.[1];
}

/** The private follow-up link: the token in the fragment. */
export function followLink(token: string, language: Language): string {
  return `${location.origin}/follow#${new URLSearchParams({ lang: language, token }).toString()}`;
}

/**
 * Takes `#lang=…&token=…` off the address bar: the token into session storage, the language
 * returned for the page to switch to.
 */
export function takeFragment(): { language?: string } {
  if (location.hash.length < 2) return {};
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (token) rememberAccessToken(token);
  history.replaceState(history.state, '', location.pathname + location.search);
  const language = fragment.get('lang');
  return language === null ? {} : { language };
}
