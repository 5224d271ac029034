export * from './outbox.js';
export * from './queues.js';
export * from './channel.js';
export * from './dead-letters.js';
export * from './migration.js';
