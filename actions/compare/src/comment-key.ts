/**
 * The default key of the sticky comment: the workflow's name, so that a pull request gets one
 * comment per workflow whatever experiments, seeds or jobs the workflow run holds. Outside a
 * workflow (no name), `default`.
 */
export function workflowKey(workflowName: string): string {
  const name = workflowName.trim();
  return name === '' ? 'default' : name;
}
