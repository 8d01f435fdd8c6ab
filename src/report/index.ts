export { renderConsole } from './console';
export { renderJson } from './json';
export { renderJunit } from './junit';
export { renderErrorMarkdown, renderMarkdown } from './markdown';
export { countChecks, describeCounts, MARKS, type Counts } from './checklist';
