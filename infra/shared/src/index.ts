// type-graphql reads decorator metadata through this polyfill; it must load before any decorated class.
import 'reflect-metadata';
export * from './identity';
export * from './errors';
export * from './money';
export * from './i18n';
export * from './pagination';
export * from './federation';
export * from './context';
export * from './db';
export * from './http';
export * from './logger';
export * from './subgraph';
export * from './loaders';
export * from './scalars';
export * from './access';
export * from './events';
