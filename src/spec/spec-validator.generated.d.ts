// The types of spec-validator.generated.js, which `npm run schema` compiles from schema.ts. What
// passes it is the shape the schema itself describes (json-schema-to-ts reads it from schema.ts,
// defaults filled in as the validator fills them), so load.ts takes that as a Spec with no cast:
// a schema and a Spec type that drift apart no longer compile.
import type { ValidateFunction } from 'ajv';
import type { FromSchema } from 'json-schema-to-ts';
import type { SPEC_SCHEMA } from './schema';

declare const validateSpec: ValidateFunction<FromSchema<typeof SPEC_SCHEMA>>;
export default validateSpec;
