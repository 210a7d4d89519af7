/**
 * `npm start` serves the web desk (web/): built with Vite when its sources changed since the last
 * build, then served from `web/dist` with the same security headers CloudFront adds, its runtime
 * config at `/config.json`, and `index.html` for the app's own paths (the router is in the page).
 */

import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deskHeaders } from '../web-headers.js';
import type { LocalPage } from './api-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const webDirectory = path.join(root, 'web');
export const webDistDirectory = path.join(webDirectory, 'dist');
const stampFile = path.join(webDistDirectory, '.sources');

/** What the desk reads at start (web/src/config.ts). */
export interface DeskConfig {
  readonly apiUrl: string;
  readonly signIn: { readonly domain: string; readonly clientId: string; readonly issuer: string };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The newest change among the files the build reads: the app and the shared code it imports. */
async function sourcesFingerprint(): Promise<string> {
  let newest = 0;
  let count = 0;
  const walk = async (directory: string): Promise<void> => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      if (entry.name === 'dist' || entry.name === 'node_modules') continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        count++;
        newest = Math.max(newest, (await stat(full)).mtimeMs);
      }
    }
  };
  await walk(webDirectory);
  await walk(path.join(root, 'shared'));
  const lock = await stat(path.join(root, 'package-lock.json')).catch(() => undefined);
  return `${String(count)}:${String(newest)}:${String(lock?.mtimeMs ?? 0)}`;
}

/** Builds the desk unless `web/dist` already holds a build of the current sources. */
export async function buildWebDesk(): Promise<'built' | 'up to date'> {
  const fingerprint = await sourcesFingerprint();
  const previous = await readFile(stampFile, 'utf8').catch(() => '');
  if (previous === fingerprint) return 'up to date';
  const { build } = await import('vite');
  await build({ configFile: path.join(webDirectory, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(stampFile, fingerprint);
  return 'built';
}

function isAppPath(pathname: string): boolean {
  return pathname === '/' || /^\/(file|follow|desk|callback)(\/|$)/.test(pathname);
}

/** The desk's files, its config and its paths, as a page of the local front door. */
export function webDeskPage(deskConfig: DeskConfig): LocalPage {
  const headers = deskHeaders();
  // Compressed once per file and kept, as CloudFront compresses what it serves.
  const compressed = new Map<string, { readonly mtimeMs: number; readonly gzip: Buffer }>();
  const serveFile = async (
    request: IncomingMessage,
    response: ServerResponse,
    file: string,
    cache: string,
  ): Promise<boolean> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    const acceptsGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    let body: Buffer = await readFile(file);
    const extra: Record<string, string> = { vary: 'accept-encoding' };
    if (acceptsGzip && /^(text\/|application\/json|image\/svg)/.test(type)) {
      let cached = compressed.get(file);
      if (cached?.mtimeMs !== info.mtimeMs) {
        cached = { mtimeMs: info.mtimeMs, gzip: gzipSync(body, { level: 9 }) };
        compressed.set(file, cached);
      }
      body = cached.gzip;
      extra['content-encoding'] = 'gzip';
    }
    response.writeHead(200, {
      ...headers,
      ...extra,
      'content-type': type,
      'content-length': String(body.byteLength),
      'cache-control': cache,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
  return async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const { pathname } = url;
    if (pathname === '/config.json') {
      response.writeHead(200, {
        ...headers,
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify(deskConfig));
      return true;
    }
    if (isAppPath(pathname)) {
      return serveFile(request, response, path.join(webDistDirectory, 'index.html'), 'no-cache');
    }
    if (pathname.startsWith('/assets/') || pathname === '/favicon.svg') {
      const file = path.normalize(path.join(webDistDirectory, pathname));
      // Never outside dist, whatever the path says.
      if (!file.startsWith(webDistDirectory + path.sep)) return false;
      return serveFile(
        request,
        response,
        file,
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    }
    return false;
  };
}
