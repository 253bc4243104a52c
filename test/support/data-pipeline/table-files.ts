import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type CellValue = string | number | boolean | null;
export type TableRow = Readonly<Record<string, CellValue>>;

/** A directory of table files for one spec, and its DuckDB spill directory; `remove()` in afterAll. */
export class TableDirectory {
  private constructor(readonly path: string) {}

  static async create(): Promise<TableDirectory> {
    return new TableDirectory(await mkdtemp(join(tmpdir(), 'data-pipeline-')));
  }

  get spillPath(): string {
    return join(this.path, 'spill');
  }

  /** JSON lines keep what CSV cannot: a null apart from an empty string, a number apart from its text. */
  async jsonl(name: string, rows: readonly TableRow[]): Promise<string> {
    const path = join(this.path, name);
    await writeFile(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
    return path;
  }

  /** A header line, then rows; null is an empty field, text is quoted when it must be. */
  async csv(name: string, header: readonly string[], rows: readonly (readonly CellValue[])[]): Promise<string> {
    const path = join(this.path, name);
    const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
    await writeFile(path, lines.join('\n') + '\n');
    return path;
  }

  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
