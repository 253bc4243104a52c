export * from './address-class.js';
export * from './host-entry.js';
export * from './outbound-http.js';
export * from './outbound-policy.js';
export * from './outbound-rules.js';
export * from './pinned-request.js';
export * from './either-breaker.js';
export * from './retry-budget.js';
