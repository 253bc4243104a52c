// What application/ code may use of the platform: the crash points the reliability tests arm (a
// Set lookup unless armed), none of the database, Redis or HTTP machinery (the architecture test
// holds application/ to this entry point).
export * from './runtime/crash-point.js';
export * from './logs/log-source.js';
export * from './metrics/prometheus-rule.types.js';
