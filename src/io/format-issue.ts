/** Issues as text, apart from the validator so that the page can list problems without loading it. */
import type { Issue } from '../model/validate.ts';

/** One line per issue: `file:line: error: path: message`. */
export function formatIssue(i: Issue): string {
  const where = [i.file, i.line].filter((x) => x !== undefined).join(':');
  return `${where ? `${where}: ` : ''}${i.severity}: ${i.path ? `${i.path}: ` : ''}${i.message} [${i.rule}]`;
}
