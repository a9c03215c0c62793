import path from 'node:path';
import type { ParamValue } from '../record/run-record.ts';
import { fileError } from '../files/file-error.ts';
import { readTextFile } from '../files/text-file.ts';
import { flattenTree } from '../metrics/flatten-tree.ts';
import { isPlainObject } from '../text/plain-object.ts';
import { parseJsonText } from '../text/json-text.ts';
import { describeValue } from '../metrics/summary-metrics.ts';
import { parseTomlText } from '../text/toml-text.ts';
import { parseYamlText } from '../text/yaml-text.ts';
import { paramValueFromTree } from './param-value.ts';

/** Params files larger than this are refused: a params file is a few KiB; a bigger one is likely the wrong file. */
export const MAX_PARAMS_FILE_BYTES = 1024 * 1024;

/**
 * Reads a params file (YAML, JSON or TOML by extension; anything else is read as YAML, of which
 * JSON is a subset) flattened to `a.b.c` keys. Arrays are kept as JSON text; NaN and infinities
 * as text. Files over MAX_PARAMS_FILE_BYTES are a UserError.
 */
export async function readParamsFile(absolutePath: string, displayName: string): Promise<Map<string, ParamValue>> {
  const text = await readTextFile(absolutePath, displayName, {
    maxBytes: MAX_PARAMS_FILE_BYTES,
    kind: 'params files',
  });
  const extension = path.extname(absolutePath).toLowerCase();
  const tree =
    extension === '.json'
      ? parseJsonText(text, displayName)
      : extension === '.toml'
        ? await parseTomlText(text, displayName)
        : await parseYamlText(text, displayName);
  if (!isPlainObject(tree)) {
    throw fileError(
      displayName,
      `the top level of a params file must be an object of param names, not ${describeValue(tree)}`,
    );
  }
  const params = new Map<string, ParamValue>();
  flattenTree(tree, displayName, 'leaf', (key, value) => {
    try {
      params.set(key, paramValueFromTree(value));
    } catch (error) {
      // JSON.stringify of an absurdly deep array overflows the stack.
      if (error instanceof RangeError) throw fileError(displayName, `param "${key}" is nested too deeply`);
      throw error;
    }
  });
  return params;
}
