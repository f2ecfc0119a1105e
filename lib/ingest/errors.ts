/**
 * A file (or payload) that cannot be used at all: unknown format, missing required columns, broken CSV
 * syntax. Row-level problems are not thrown; parsers yield them as `{ kind: 'error' }` items instead.
 */
export class IngestFormatError extends Error {
  readonly code = "INGEST_FORMAT" as const;

  constructor(message: string) {
    super(message);
    this.name = "IngestFormatError";
  }
}
