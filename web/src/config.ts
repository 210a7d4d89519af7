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

let loading: Promise<DeskConfig> | undefined;

/** Read once; every API call waits for it (the page renders without it). */
export function loadConfig(): Promise<DeskConfig> {
  loading ??= fetch('/config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`config.json: ${String(response.status)}`);
    return (await response.json()) as DeskConfig;
  });
  loading.catch(() => {
    loading = undefined; // a failed read is tried again by the next call
  });
  return loading;
}
