/** Media types used in STAC API links and responses. See https://github.com/radiantearth/stac-api-spec/blob/v1.0.0/overview.md#media-types */
export const MEDIA_TYPE = {
  json: 'application/json',
  geojson: 'application/geo+json',
  schema: 'application/schema+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  html: 'text/html',
} as const;
