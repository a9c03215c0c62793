import { fileError } from '../files/file-error.ts';
import { isPlainObject } from '../text/plain-object.ts';

/** Nesting deeper than this in a metrics or params file is refused rather than walked. */
export const MAX_NESTING_DEPTH = 100;

/**
 * Walks a parsed JSON/YAML/TOML tree and reports each leaf with its flat key (`a.b.c`, as DVC
 * flattens). Plain objects are always descended. With `arrays: 'descend'` arrays are descended
 * with their index as the key segment and their scalar elements ignored (metrics: an array of
 * numbers is not a metric); with `arrays: 'leaf'` an array is reported as one leaf (params keep
 * it as JSON text). Iterative, so depth is limited by MAX_NESTING_DEPTH, not by the stack.
 */
export function flattenTree(
  root: Record<string, unknown>,
  displayName: string,
  arrays: 'descend' | 'leaf',
  onLeaf: (key: string, value: unknown) => void,
): void {
  // Each frame: the key prefix, the container, and its depth. Children are pushed in reverse
  // so that leaves come out in file order.
  const stack: Array<{ prefix: string; node: unknown; depth: number }> = [{ prefix: '', node: root, depth: 0 }];
  while (stack.length > 0) {
    const { prefix, node, depth } = stack.pop()!;
    if (node instanceof Leaf) {
      onLeaf(prefix, node.value);
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) {
      throw fileError(
        displayName,
        `nested more than ${MAX_NESTING_DEPTH} levels deep (at "${truncate(prefix)}"); refusing to read it`,
      );
    }
    const children: Array<[string, unknown]> = [];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const element: unknown = node[i];
        if (isContainer(element)) children.push([String(i), element]);
      }
    } else {
      for (const key of Object.keys(node as object)) {
        if (key === '')
          throw fileError(displayName, `has an empty key${prefix === '' ? '' : ` under "${truncate(prefix)}"`}`);
        children.push([key, (node as Record<string, unknown>)[key]]);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const [segment, value] = children[i]!;
      const key = prefix === '' ? segment : `${prefix}.${segment}`;
      if (isPlainObject(value) || (arrays === 'descend' && Array.isArray(value))) {
        stack.push({ prefix: key, node: value, depth: depth + 1 });
      } else {
        // Leaves are reported as they are popped, so collect them in the same stack to keep order.
        stack.push({ prefix: key, node: new Leaf(value), depth });
      }
    }
  }
}

class Leaf {
  readonly value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}

function isContainer(value: unknown): boolean {
  return isPlainObject(value) || Array.isArray(value);
}

function truncate(key: string): string {
  return key.length > 80 ? `${key.slice(0, 77)}...` : key;
}
