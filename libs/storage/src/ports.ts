// What application/ code may use of object storage: the port, its options and its errors, none of
// the S3 or filesystem adapters (the architecture test holds application/ to this entry point).
export * from './errors.js';
export * from './object-store.js';
