/**
 * The runtime config, `/config.json`, written where the desk is served: by `npm start` locally and
 * at deploy in AWS. The same build runs everywhere; only this file differs.
 */

export interface DeskConfig {
  /** The API's base URL, without a trailing slash ('' when the desk and the API share an origin). */
  readonly apiUrl: string;
  readonly signIn: {
    /** Cognito's managed login domain in AWS, the local issuer locally: `/oauth2/authorize` etc. */
    readonly domain: string;
    readonly clientId: string;
    /** The `iss` of its ID tokens (Cognito's user pool URL; the local issuer's name). */
    readonly issuer: string;
  };
}

let loaded: DeskConfig | undefined;

export async function loadConfig(): Promise<DeskConfig> {
  if (loaded) return loaded;
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${String(response.status)}`);
  loaded = (await response.json()) as DeskConfig;
  return loaded;
}

export function config(): DeskConfig {
  if (!loaded) throw new Error('The config is read before the app starts');
  return loaded;
}
