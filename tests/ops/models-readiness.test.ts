/**
 * A worker's `models` readiness. The FAQ answers lexically while its embedder downloads, so a worker serving it is
 * ready then (with a note saying so) — it used to report "loading faq" for minutes while members were being
 * answered. A lane that waits for its model keeps the worker not ready; a missing model is named.
 */
import { describe, expect, it } from 'vitest';
import type { LaneStatus } from '../../src/inference/prepare.ts';
import { faqLane } from '../../src/lanes/faq/index.ts';
import { translateLane } from '../../src/lanes/translate/index.ts';
import { ModelsReadiness } from '../../src/ops/index.ts';

const status = (lane: string, state: 'ready' | 'missing'): LaneStatus =>
  state === 'ready'
    ? { type: 'lane-status', state, lane, models: ['m'], seconds: 1 }
    : { type: 'lane-status', state, lane, model: 'org/m', reason: 'offline', hint: 'run npm run models' };

describe('ModelsReadiness', () => {
  it('GIVEN the FAQ model still downloading THEN the FAQ worker is ready, noting the lexical answers', () => {
    const models = new ModelsReadiness([faqLane]);
    models.report({ type: 'lane-status', state: 'downloading', lane: 'faq', model: 'm', loadedMb: 1, totalMb: 100 });
    const result = models.check();
    expect(result.ok).toBe(true);
    expect(result.ok && result.note).toMatch(/^faq: answering meanwhile: lexical/u);
    models.report(status('faq', 'ready'));
    expect(models.check()).toEqual({ ok: true });
  });

  it('GIVEN a lane that waits for its model THEN the worker is not ready until it is in', () => {
    const models = new ModelsReadiness([faqLane, translateLane]);
    expect(models.check()).toEqual({ ok: false, reason: 'loading translate' });
    models.report(status('translate', 'ready'));
    expect(models.check().ok).toBe(true);
  });

  it('GIVEN a model that could not be had THEN the worker is not ready and says which', () => {
    const models = new ModelsReadiness([translateLane]);
    models.report(status('translate', 'missing'));
    expect(models.check()).toEqual({ ok: false, reason: 'translate: model org/m not loaded' });
  });
});
