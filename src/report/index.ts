export { renderConsole } from './console';
export { renderJson } from './json';
export { renderJunit } from './junit';
export { renderErrorMarkdown, renderMarkdown } from './markdown';
export { renderPrComment, renderPrErrorComment, type CommentOptions } from './pr-comment';
export { failsStep, failureReason, type FailOn, type FailureReason } from './failure-reason';
export { countChecks, describeCounts, MARKS, type Counts } from './checklist';
