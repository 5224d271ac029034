export * from './files.js';
export * from './stores.js';
