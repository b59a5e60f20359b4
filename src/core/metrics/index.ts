// Incident measures (time to detect, mitigate, recover, duration), summaries, aggregates and preview decorations.
export * from './metrics';
export * from './format';
export * from './aggregate';
export * from './preview';
export * from './hover';
