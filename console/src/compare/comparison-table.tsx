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
  return (
    <>
      <p>
        {differing === 0 ? 'The same in every version.' : `${differing} of ${rows.length} differ between the versions.`}
      </p>
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="comparison">
          <thead>
            <tr>
              <th scope="col">{keyHeading}</th>
              {versionHeadings.map((heading) => (
                <th scope="col" key={heading}>
                  {heading}
                </th>
              ))}
              <th scope="col">Across versions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.differs ? 'differs' : undefined} data-compared={row.key}>
                <th scope="row" className="mono">
                  {row.key}
                </th>
                {row.values.map((value, index) => (
                  <td key={versionHeadings[index]}>{value ?? '—'}</td>
                ))}
                <td>{row.differs ? <strong>≠ differs</strong> : 'same'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
