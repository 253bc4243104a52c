/**
 * Integration events the data-pipeline context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/data-pipeline` so publish and
 * handle type-check against one definition.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the context's issue lands
export interface DataPipelineEvents {}
