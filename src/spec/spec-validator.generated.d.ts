// The types of spec-validator.generated.js, which `npm run schema` compiles from schema.ts.
import type { ValidateFunction } from 'ajv';

declare const validateSpec: ValidateFunction;
export default validateSpec;
