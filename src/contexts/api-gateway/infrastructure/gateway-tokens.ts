/** The gateway's settings, read once at start (loadGatewaySettings). */
export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');
