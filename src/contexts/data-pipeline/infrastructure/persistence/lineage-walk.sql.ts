/**
 * The edges within $4 steps of the root ($1, $2) in the directions $5 ('up', 'down'), in project $3.
 * One walk per direction, so "both" is upstream and downstream of the root, not the upstream of what
 * is downstream. UNION drops repeated rows; the depth bound ends a walk round a cycle.
 */
export const SUBGRAPH_EDGES_SQL = `
  WITH RECURSIVE walk (node_type, node_id, depth, dir, from_type, from_id, kind, to_type, to_id) AS (
    SELECT $1::text, $2::text, 0, dir, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text
      FROM unnest($5::text[]) AS dir
    UNION
    SELECT CASE WHEN w.dir = 'down' THEN e.to_type ELSE e.from_type END,
           CASE WHEN w.dir = 'down' THEN e.to_id ELSE e.from_id END,
           w.depth + 1, w.dir, e.from_type, e.from_id, e.kind, e.to_type, e.to_id
      FROM walk w
      JOIN data_pipeline.lineage_edges e
        ON e.project_id = $3
       AND CASE WHEN w.dir = 'down'
                THEN e.from_type = w.node_type AND e.from_id = w.node_id
                ELSE e.to_type = w.node_type AND e.to_id = w.node_id END
     WHERE w.depth < $4
  )
  SELECT DISTINCT from_type, from_id, kind, to_type, to_id FROM walk WHERE kind IS NOT NULL
  ORDER BY from_type, from_id, kind, to_type, to_id`;

/**
 * The nodes of types $4 downstream of ($1, $2) at any depth, in project $3: one statement. UNION
 * (not UNION ALL) keeps each node once, which also ends the walk if the edges ever form a cycle.
 */
export const DOWNSTREAM_OF_TYPE_SQL = `
  WITH RECURSIVE downstream (node_type, node_id) AS (
    SELECT $1::text, $2::text
    UNION
    SELECT e.to_type, e.to_id
      FROM downstream d
      JOIN data_pipeline.lineage_edges e
        ON e.from_type = d.node_type AND e.from_id = d.node_id AND e.project_id = $3
  )
  SELECT n.node_type, n.node_id, n.project_id, n.name, n.facets
    FROM downstream d
    JOIN data_pipeline.lineage_nodes n ON n.node_type = d.node_type AND n.node_id = d.node_id
   WHERE n.project_id = $3 AND n.node_type = ANY($4::text[])
   ORDER BY n.node_type, n.node_id`;
