import { DataTable, type Column } from '../shell/data-table';
import type { ComparedRow } from './flatten';

/**
 * One facet of the compared versions (metrics, parameters…), a row per key and a column per
 * version. A row whose values differ says so in words and with a mark, not by colour alone.
 */
export function ComparisonTable({
  caption,
  keyHeading,
  versionHeadings,
  rows,
}: {
  caption: string;
  keyHeading: string;
  versionHeadings: readonly string[];
  rows: readonly ComparedRow[];
}) {
  if (rows.length === 0) return <p>No version has {caption.toLowerCase()}.</p>;
  const differing = rows.filter((row) => row.differs).length;
  const columns: Column<ComparedRow>[] = [
    { header: keyHeading, cell: (row) => row.key, rowHeader: true, cellAttributes: { className: 'mono' } },
    ...versionHeadings.map((heading, index): Column<ComparedRow> => ({
      header: heading,
      cell: (row) => row.values[index] ?? '—',
    })),
    { header: 'Across versions', cell: (row) => (row.differs ? <strong>≠ differs</strong> : 'same') },
  ];
  return (
    <>
      <p>
        {differing === 0 ? 'The same in every version.' : `${differing} of ${rows.length} differ between the versions.`}
      </p>
      <DataTable
        label={caption}
        className="comparison"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.key}
        rowAttributes={(row) => ({ className: row.differs ? 'differs' : undefined, 'data-compared': row.key })}
      />
    </>
  );
}
