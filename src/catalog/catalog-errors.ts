/**
 * Errors of the catalogue capability. Each has a stable code; HTTP statuses are assigned in src/api/errors.ts.
 */
import { FournaiseError } from '../core/fournaise-error.js';

export class CollectionNotFoundError extends FournaiseError {
  constructor(readonly collectionId: string) {
    super('CATALOG_COLLECTION_NOT_FOUND', `collection '${collectionId}' does not exist`);
  }
}

export class ItemNotFoundError extends FournaiseError {
  constructor(
    readonly collectionId: string,
    readonly itemId: string,
  ) {
    super('CATALOG_ITEM_NOT_FOUND', `item '${itemId}' does not exist in collection '${collectionId}'`);
  }
}

export class CollectionExistsError extends FournaiseError {
  constructor(readonly collectionId: string) {
    super('CATALOG_COLLECTION_EXISTS', `collection '${collectionId}' already exists`);
  }
}

export class ItemExistsError extends FournaiseError {
  constructor(
    readonly collectionId: string,
    readonly itemId: string,
  ) {
    super('CATALOG_ITEM_EXISTS', `item '${itemId}' already exists in collection '${collectionId}'`);
  }
}

/** A search parameter that cannot be honoured: bad bbox, bad datetime, bad token, unknown sort field. */
export class InvalidSearchError extends FournaiseError {
  constructor(message: string, location?: string) {
    super('CATALOG_INVALID_SEARCH', message, location);
  }
}

/** A CQL2 filter that does not parse or does not type-check. */
export class InvalidFilterError extends FournaiseError {
  constructor(message: string, location?: string) {
    super('CATALOG_INVALID_FILTER', message, location);
  }
}

/** A filter, sort or field naming a property that is not a queryable. */
export class UnknownQueryableError extends FournaiseError {
  constructor(
    readonly property: string,
    location?: string,
  ) {
    super('CATALOG_UNKNOWN_QUERYABLE', `'${property}' is not a queryable of this catalogue`, location);
  }
}

/** A STAC object that fails schema or structural validation. `details` lists every problem found. */
export class InvalidStacObjectError extends FournaiseError {
  constructor(
    message: string,
    readonly details: { path: string; message: string }[] = [],
    location?: string,
  ) {
    super('CATALOG_INVALID_STAC', message, location);
  }
}
