/**
 * What the STAC/OGC API landing page (`GET /api`) advertises beyond the catalogue: links and conformance
 * classes contributed by other capability plugins (rasters, in-situ series, processing).
 *
 * `buildApp` decorates the root instance with one registry as `app.landing`; a plugin registered after it
 * adds its entries while it loads, e.g.
 * ```ts
 * export const rasterPlugin: FastifyPluginAsync = async (app) => {
 *   app.landing.addLinks((apiRoot) => [
 *     { rel: 'data', href: `${apiRoot}/tiles`, type: 'application/json', title: 'Map tiles' },
 *   ]);
 *   app.landing.addConformance('http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core');
 * };
 * ```
 * `apiRoot` is the absolute URL of `/api` as the client sees it (proxy headers and base URL applied).
 */
import type { StacLink } from '../catalog/model/stac-types.js';

/** Builds links for one request from the absolute URL of the API root. */
export type LandingLinkProvider = (apiRoot: string) => StacLink[];

/** The landing-page registry shared by all capability plugins. */
export class LandingRegistry {
  readonly #providers: LandingLinkProvider[] = [];
  readonly #conformance = new Set<string>();

  /** Adds links computed per request (they must be absolute: build them from `apiRoot`). */
  addLinks(provider: LandingLinkProvider): void {
    this.#providers.push(provider);
  }

  /** Adds conformance class URIs to `/api` and `/api/conformance`. */
  addConformance(...uris: string[]): void {
    for (const uri of uris) this.#conformance.add(uri);
  }

  /** Links of every registered provider, in registration order. */
  links(apiRoot: string): StacLink[] {
    return this.#providers.flatMap((provider) => provider(apiRoot));
  }

  /** Registered conformance classes, in registration order. */
  conformance(): string[] {
    return [...this.#conformance];
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Links and conformance classes of the landing page; see LandingRegistry. */
    landing: LandingRegistry;
  }
}
