import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './auth.js';

/**
 * The signed-in official, for the desk's pages. A context, so the routes' components stay the same
 * functions across renders: a language switch re-renders a page, it does not remount it (and lose
 * what was typed in its forms).
 */
export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('A desk page outside the signed-in desk');
  return session;
}
