// The promotion config: parsing (parse.ts, one declaration per key) and the README's key table (table.ts).
export * from './parse.js';
export * from './table.js';
