// The types of compose-shape-validator.generated.js, which `npm run schema` compiles from
// compose-shape-schema.ts.
import type { ValidateFunction } from 'ajv';

declare const validateComposeShape: ValidateFunction;
export default validateComposeShape;
