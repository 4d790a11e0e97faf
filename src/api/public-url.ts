/**
 * The public base URL of the server, as clients see it, for absolute links.
 * Order: the configured base URL; else `X-Forwarded-Proto`, `X-Forwarded-Host` and `X-Forwarded-Prefix`
 * (as set by nginx, Traefik or Caddy in front of Fournaise); else the request's own protocol and `Host`.
 */
import type { FastifyRequest } from 'fastify';

const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;
const PREFIX_PATTERN = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*\/?$/;

/**
 * Returns the base URL without a trailing slash, e.g. `https://data.example.org/fournaise`.
 * Forwarded values that are not a plausible host, protocol or path are ignored, so a forged header cannot
 * inject markup or another scheme into links.
 */
export function resolvePublicBaseUrl(request: FastifyRequest, configuredBaseUrl?: string): string {
  if (configuredBaseUrl) return configuredBaseUrl.replace(/\/+$/, '');
  const forwardedProto = firstValue(request.headers['x-forwarded-proto'])?.toLowerCase();
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : request.protocol;
  const forwardedHost = firstValue(request.headers['x-forwarded-host']);
  const host =
    forwardedHost && HOST_PATTERN.test(forwardedHost)
      ? forwardedHost
      : HOST_PATTERN.test(request.host)
        ? request.host
        : 'localhost';
  const forwardedPrefix = firstValue(request.headers['x-forwarded-prefix']);
  const prefix =
    forwardedPrefix && PREFIX_PATTERN.test(forwardedPrefix) ? forwardedPrefix.replace(/\/+$/, '') : '';
  return `${proto}://${host}${prefix}`;
}

/** Proxies may append to a header (`a, b`) or repeat it: the first value is the client-facing one. */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(',')[0].trim();
  return first === '' ? undefined : first;
}
