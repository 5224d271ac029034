export * from './pdf.js';
export * from './rendering.js';
