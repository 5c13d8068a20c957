/** Where the project lives: relative paths in config files resolve against it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `file` as an absolute path, relative ones taken from the project root. */
export function projectPath(file: string): string {
  return path.resolve(PROJECT_ROOT, file);
}
