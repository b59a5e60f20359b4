// The one summary of an incident document and its title reading, for every consumer.
export * from './summary';
export * from './title';
