// Spec and system_schema spell the same thing differently; compare them in one spelling.

/** 'org.apache.cassandra.db.compaction.TimeWindowCompactionStrategy' -> 'TimeWindowCompactionStrategy' */
export function shortClassName(className: string): string {
  return className.slice(className.lastIndexOf('.') + 1);
}

/** CQL types as system_schema prints them: lower case, no spaces, varchar is text. */
export function normaliseCqlType(type: string): string {
  return type
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\bvarchar\b/g, 'text');
}

export function describeDuration(seconds: number): string {
  const days = seconds / 86400;
  return Number.isInteger(days) && days > 0
    ? `${days} day${days === 1 ? '' : 's'}`
    : `${seconds} s`;
}

/** Compose prefixes the project name unless the network sets `name:`; both are the same network. */
export function sameResourceName(observedName: string, declared: string): boolean {
  return observedName === declared || observedName.endsWith(`_${declared}`);
}
