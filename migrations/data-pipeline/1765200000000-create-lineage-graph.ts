import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lineage graph (docs/adr/0402): nodes named by (type, id) with JSON facets, and edges pointing
 * downstream. Nodes and edges come from other contexts' events, so they keep those ids without
 * foreign keys (docs/adr/0003), and an edge may name a node whose own event has not arrived yet.
 */
export class CreateLineageGraph1765200000000 implements MigrationInterface {
  name = 'CreateLineageGraph1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE data_pipeline.lineage_nodes (
        node_type text NOT NULL,
        node_id text NOT NULL,
        project_id uuid NOT NULL,
        name text NOT NULL,
        facets jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (node_type, node_id)
      )`);
    // The access guard finds a node's project from its id alone.
    await runner.query('CREATE INDEX lineage_nodes_id_idx ON data_pipeline.lineage_nodes (node_id)');
    await runner.query(`
      CREATE TABLE data_pipeline.lineage_edges (
        from_type text NOT NULL,
        from_id text NOT NULL,
        kind text NOT NULL,
        to_type text NOT NULL,
        to_id text NOT NULL,
        project_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (from_type, from_id, kind, to_type, to_id)
      )`);
    // Walking upstream reads edges by their downstream end.
    await runner.query('CREATE INDEX lineage_edges_to_idx ON data_pipeline.lineage_edges (to_type, to_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE data_pipeline.lineage_edges');
    await runner.query('DROP TABLE data_pipeline.lineage_nodes');
  }
}
