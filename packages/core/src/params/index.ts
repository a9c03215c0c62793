export { paramValueFromTree, parseParamValue } from './param-value.ts';
export { MAX_PARAMS_FILE_BYTES, readParamsFile } from './read-params-file.ts';
export { readParams } from './read-params.ts';
export {
  REDACTED,
  isCredentialName,
  redactCommand,
  redactParams,
  type RedactPatterns,
} from './credential-redaction.ts';
