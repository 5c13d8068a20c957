/** Parses `--lanes faq,translate` (or `all`) as given to `npm run worker` and `npm start`. */
import { UserError } from './errors.ts';
import { LANE_NAMES, isLaneName, type LaneName } from '../lanes/names.ts';

export function parseLanes(argv: readonly string[], enabled: readonly LaneName[]): LaneName[] {
  const at = argv.findIndex((arg) => arg === '--lanes' || arg.startsWith('--lanes='));
  if (at < 0) return [...enabled];
  const arg = argv[at] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  if (!value || value.startsWith('--'))
    throw new UserError('bad_request', `--lanes needs a value: all, or a comma list of ${LANE_NAMES.join(', ')}`);
  if (value === 'all') return [...enabled];
  const lanes = value
    .split(',')
    .map((lane) => lane.trim())
    .filter(Boolean);
  const unknown = lanes.filter((lane) => !isLaneName(lane));
  if (unknown.length) throw new UserError('bad_request', `Unknown lane(s) ${unknown.join(', ')}. Lanes: ${LANE_NAMES.join(', ')}, or all.`);
  const off = lanes.filter((lane) => !enabled.includes(lane as LaneName));
  if (off.length) throw new UserError('bad_request', `Lane(s) ${off.join(', ')} are disabled in the config (lanes.<name>.enabled).`);
  return [...new Set(lanes)] as LaneName[];
}
