// The shape of a compose file, as far as static mode reads it. A pull request can put anything
// into docker-compose.yml: a list where services belong, a number for a volume. Such a file is
// refused with its location (exit 2) instead of being read as drift or crashing the reader. The
// shape is in compose-shape-schema.ts, compiled ahead by `npm run schema`.
import validate from './compose-shape-validator.generated';

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The first place where the file is not shaped like a compose file, or undefined. */
export function shapeProblem(compose: unknown): { pointer: string; message: string } | undefined {
  if (validate(compose)) return undefined;
  const [error] = validate.errors ?? [];
  if (!error) return undefined;
  const found = error.instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      compose,
    );
  const expected =
    error.keyword === 'type'
      ? `${String((error.params as { type: unknown }).type).replace(',', ' or ')}`
      : 'one of the forms compose accepts';
  return {
    pointer: error.instancePath || '/',
    message: `expected ${expected}, found ${describe(found)}`,
  };
}
