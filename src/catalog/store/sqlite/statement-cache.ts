/**
 * A bounded cache of prepared statements keyed by SQL text. Searches build their SQL from the shape of the
 * query (values are always bound parameters), so the same shapes reuse the same compiled statement.
 */
import type Database from 'better-sqlite3';

export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly capacity = 500,
  ) {}

  /** The prepared statement for `sql`, compiled on first use; the least recently used one is evicted. */
  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.capacity) {
        this.statements.delete(this.statements.keys().next().value as string);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }
}
