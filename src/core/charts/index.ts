// Charts in plain TypeScript: what a chart shows (views), where its shapes go (geometry), and an SVG string of it (svg).
export * from './geometry';
export * from './svg';
export * from './views';
export * from './mermaid';
