export * from './app-process.js';
export * from './start-test-app.js';
export * from './test-infrastructure.js';
export * from './time-scale.js';
export * from './wait-for.js';
export * from './loopback-facade-transport.js';
export * from './recording-log-source.js';
