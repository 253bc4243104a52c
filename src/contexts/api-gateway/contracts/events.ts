/**
 * Integration events the api-gateway context publishes: type -> payload. Consumers in
 * other contexts import this map through `@contexts/api-gateway` so publish and
 * handle type-check against one definition.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled as the context's issue lands
export interface ApiGatewayEvents {}
