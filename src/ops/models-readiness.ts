/**
 * A worker's `models` readiness, fed with the lane statuses its start-up reports. A lane whose model is still
 * loading keeps the worker not ready, except a lane that answers meanwhile (`LaneSpec.meanwhile`, e.g. the FAQ's
 * lexical search while its embedder downloads): the worker is ready, with a note saying how that lane answers.
 */
import type { LaneStatus } from '../inference/prepare.ts';
import { notReady, ready, type CheckResult, type ReadinessCheck } from './readiness.ts';

export class ModelsReadiness implements ReadinessCheck {
  readonly name = 'models';
  readonly #loading: Map<string, string | undefined>;
  readonly #missing = new Map<string, string>();

  /** `lanes`: the worker's lanes, each with how it answers before its models are in (if it does). */
  constructor(lanes: readonly { readonly name: string; readonly meanwhile?: string }[]) {
    this.#loading = new Map(lanes.map((lane) => [lane.name, lane.meanwhile]));
  }

  /** Each lane's start-up status as it comes. */
  report(status: LaneStatus): void {
    if (status.state === 'downloading') return;
    this.#loading.delete(status.lane);
    if (status.state === 'missing') this.#missing.set(status.lane, `model ${status.model} not loaded`);
  }

  readonly check = (): CheckResult => {
    const waiting = [...this.#loading].filter(([, meanwhile]) => meanwhile === undefined).map(([lane]) => lane);
    if (waiting.length) return notReady(`loading ${waiting.join(', ')}`);
    if (this.#missing.size) return notReady([...this.#missing].map(([lane, why]) => `${lane}: ${why}`).join('; '));
    const answering = [...this.#loading].map(([lane, meanwhile]) => `${lane}: answering meanwhile: ${meanwhile ?? ''}`);
    return ready(answering.length ? answering.join('; ') : undefined);
  };
}
