/**
 * Sets entry $4 of facet $3 of node ($1, $2) to $5, recording the node in project $6 under the
 * placeholder name $7 when its own event has not arrived yet (that event's upsert names it later).
 */
export const SET_FACET_ENTRY_SQL = `
  INSERT INTO data_pipeline.lineage_nodes (node_type, node_id, project_id, name, facets)
  VALUES ($1, $2, $6, $7, jsonb_build_object($3::text, jsonb_build_object($4::text, $5::jsonb)))
  ON CONFLICT (node_type, node_id) DO UPDATE
    SET facets = jsonb_set(
          lineage_nodes.facets,
          ARRAY[$3::text],
          coalesce(lineage_nodes.facets -> $3::text, '{}'::jsonb) || jsonb_build_object($4::text, $5::jsonb)
        ),
        updated_at = now()`;

/** Removes entry $4 of facet $3 of node ($1, $2), if the node is recorded. */
export const REMOVE_FACET_ENTRY_SQL = `
  UPDATE data_pipeline.lineage_nodes
     SET facets = jsonb_set(facets, ARRAY[$3::text], coalesce(facets -> $3::text, '{}'::jsonb) - $4::text),
         updated_at = now()
   WHERE node_type = $1 AND node_id = $2`;
