/**
 * Public surface of CQL2 (OGC 21-065r2) in Fournaise: parse CQL2-Text and CQL2-JSON into one
 * expression tree (the CQL2-JSON encoding), write it back as text, and evaluate it in memory.
 * The SQLite compilation lives with the store: src/catalog/store/sqlite/cql2-sqlite-compiler.ts.
 */
export type { Cql2Expression, Cql2Operation } from './cql2-expression.js';
export { parseCql2Text } from './cql2-text-parser.js';
export { parseCql2Json } from './cql2-json-parser.js';
export { cql2ToText } from './cql2-text-writer.js';
export { evaluateCql2, defaultPropertyResolver } from './cql2-evaluator.js';
export type { Cql2Feature, Cql2PropertyResolver } from './cql2-evaluator.js';
