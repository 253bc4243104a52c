/** How much the engine may use: DuckDB spills to `tempDirectory` beyond `memoryLimit` instead of failing or growing the process. */
export interface DuckDbSettings {
  /** A DuckDB size, e.g. `1GB`, `512MB`. */
  readonly memoryLimit: string;
  readonly tempDirectory: string;
  readonly threads: number;
}
