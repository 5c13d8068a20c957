/**
 * What `npm start` prints about each lane while its worker starts: one plain line per status ("translate:
 * downloading … (42%)", "faq: ready") on a terminal or in front of the terminal chat, a log line (JSON for
 * collectors) otherwise.
 */
import type { Logger } from '../core/logger.ts';
import { formatLaneStatus, type LaneStatus } from '../inference/prepare.ts';

export function createStatusReporter(
  logger: Logger,
  options: { plain: boolean; stream?: NodeJS.WritableStream },
): (status: LaneStatus) => void {
  const stream = options.stream ?? process.stderr;
  return (status) => {
    const line = formatLaneStatus(status);
    if (options.plain) stream.write(`${line}\n`);
    else if (status.state === 'missing') logger.warn({ lane: status.lane, state: status.state }, line);
    else logger.info({ lane: status.lane, state: status.state }, line);
  };
}
