/** The four lanes. Their order is the default priority order (faq first). */
export const LANE_NAMES = ['faq', 'translate', 'transcribe', 'generate'] as const;

export type LaneName = (typeof LANE_NAMES)[number];

export function isLaneName(value: string): value is LaneName {
  return (LANE_NAMES as readonly string[]).includes(value);
}
