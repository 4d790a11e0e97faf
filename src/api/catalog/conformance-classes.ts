/**
 * Conformance classes advertised by the catalogue, derived from the store's capabilities so that a store
 * without (say) transactions never claims them.
 * See https://github.com/radiantearth/stac-api-spec/tree/v1.0.0 and the extensions at
 * https://github.com/stac-api-extensions
 */
import type { StoreCapabilities } from '../../catalog/store/catalog-store.js';

const STAC = 'https://api.stacspec.org';
const OGC = 'http://www.opengis.net/spec';
const CQL2 = `${OGC}/cql2/1.0/conf`;

const CORE = [
  `${STAC}/v1.0.0/core`,
  `${STAC}/v1.0.0/collections`,
  `${STAC}/v1.0.0/ogcapi-features`,
  `${STAC}/v1.0.0/item-search`,
  `${OGC}/ogcapi-features-1/1.0/conf/core`,
  `${OGC}/ogcapi-features-1/1.0/conf/geojson`,
  `${OGC}/ogcapi-features-1/1.0/conf/oas30`,
];

/**
 * CQL2 classes: both the names of the final CQL2 1.0 standard (`*-functions`) and the earlier draft names
 * (`*-operators`) that pystac-client, stac-fastapi and STAC Browser still look for.
 */
const FILTER = [
  `${OGC}/ogcapi-features-3/1.0/conf/filter`,
  `${OGC}/ogcapi-features-3/1.0/conf/features-filter`,
  `${OGC}/ogcapi-features-3/1.0/conf/queryables`,
  `${STAC}/v1.0.0-rc.2/item-search#filter`,
  `${CQL2}/cql2-text`,
  `${CQL2}/cql2-json`,
  `${CQL2}/basic-cql2`,
  `${CQL2}/advanced-comparison-operators`,
  `${CQL2}/case-insensitive-comparison`,
  `${CQL2}/accent-insensitive-comparison`,
  `${CQL2}/basic-spatial-functions`,
  `${CQL2}/basic-spatial-functions-plus-points`,
  `${CQL2}/spatial-functions`,
  `${CQL2}/temporal-functions`,
  `${CQL2}/array-functions`,
  `${CQL2}/basic-spatial-operators`,
  `${CQL2}/spatial-operators`,
  `${CQL2}/temporal-operators`,
  `${CQL2}/array-operators`,
  `${CQL2}/arithmetic`,
  `${CQL2}/property-property`,
];

const SORT = [`${STAC}/v1.0.0/item-search#sort`, `${STAC}/v1.0.0/ogcapi-features#sort`];
const FIELDS = [`${STAC}/v1.0.0/item-search#fields`, `${STAC}/v1.0.0/ogcapi-features#fields`];
const FREE_TEXT = [
  `${STAC}/v1.0.0-rc.1/item-search#free-text`,
  `${STAC}/v1.0.0-rc.1/ogcapi-features#free-text`,
];
const AGGREGATION = [`${STAC}/v0.3.0/aggregation`];
const TRANSACTION = [
  `${STAC}/v1.0.0/ogcapi-features/extensions/transaction`,
  `${OGC}/ogcapi-features-4/1.0/conf/create-replace-delete`,
  `${OGC}/ogcapi-features-4/1.0/conf/update`,
];
const COLLECTION_SEARCH = [
  `${STAC}/v1.0.0-rc.1/collection-search`,
  `${OGC}/ogcapi-common-2/1.0/conf/simple-query`,
  `${STAC}/v1.0.0-rc.1/collection-search#fields`,
];

/** The conformance classes a store with these capabilities supports through this API. */
export function conformanceClasses(capabilities: StoreCapabilities): string[] {
  const classes = [...CORE, ...FIELDS];
  if (capabilities.filter) classes.push(...FILTER);
  if (capabilities.sort) classes.push(...SORT);
  if (capabilities.freeText) classes.push(...FREE_TEXT);
  if (capabilities.aggregation) classes.push(...AGGREGATION);
  if (capabilities.transactions) classes.push(...TRANSACTION);
  if (capabilities.collectionSearch) {
    classes.push(...COLLECTION_SEARCH);
    if (capabilities.sort) classes.push(`${STAC}/v1.0.0-rc.1/collection-search#sort`);
    if (capabilities.filter) classes.push(`${STAC}/v1.0.0-rc.1/collection-search#filter`);
    if (capabilities.freeText) classes.push(`${STAC}/v1.0.0-rc.1/collection-search#free-text`);
  }
  return classes;
}
