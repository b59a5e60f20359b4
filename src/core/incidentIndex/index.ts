// The incident index file: entries, the generated block, and merging it into hand-written text.
export * from './indexFile';
export * from './trends';
