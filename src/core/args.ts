/** Parses `--lanes faq,translate` (or `all`) as given to `npm run worker` and `npm start`. */
import { OperatorError } from './errors.ts';

export function parseLanes(argv: readonly string[], known: readonly string[], enabled: readonly string[]): string[] {
  const at = argv.findIndex((arg) => arg === '--lanes' || arg.startsWith('--lanes='));
  if (at < 0) return [...enabled];
  const arg = argv[at] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  if (!value || value.startsWith('--')) throw new OperatorError(`--lanes needs a value: all, or a comma list of ${known.join(', ')}`);
  if (value === 'all') return [...enabled];
  const lanes = value
    .split(',')
    .map((lane) => lane.trim())
    .filter(Boolean);
  const unknown = lanes.filter((lane) => !known.includes(lane));
  if (unknown.length) throw new OperatorError(`Unknown lane(s) ${unknown.join(', ')}. Lanes: ${known.join(', ')}, or all.`);
  const off = lanes.filter((lane) => !enabled.includes(lane));
  if (off.length) throw new OperatorError(`Lane(s) ${off.join(', ')} are disabled in the config (lanes.<name>.enabled).`);
  return [...new Set(lanes)];
}
