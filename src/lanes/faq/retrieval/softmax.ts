/**
 * Multinomial logistic regression over sparse TF-IDF vectors, with weights stored per feature (an inverted index).
 *
 * A weight (feature f, class c) exists only when some training text of class c contains f. That keeps the model as
 * sparse as the data, makes scoring a walk over the query's posting lists (only classes that share a feature are
 * touched), and lets a 10,000-class FAQ answer in about a millisecond. Every class that shares no feature with the
 * input has logit 0, so the softmax normalizer over all classes stays exact: `Z = sum(touched) + untouched * e^0`.
 * There is no bias term: FAQ entries have no meaningful prior, and a bias would let a popular entry win on nothing.
 */
import { mulberry32, shuffleInPlace } from '../../../core/prng.ts';
import type { SparseVector } from './tfidf.ts';

export interface SoftmaxOptions {
  /** Passes of SGD over the training texts (fewer when `maxWork` runs out). */
  readonly epochs: number;
  readonly learningRate: number;
  /**
   * Upper bound on multiply-adds spent training. A 150-entry FAQ needs ~5e7 (0.2 s) and is never cut short; with
   * 10,000 entries cache misses make each one ~15 ns, so 3e8 bounds training to about 5 s.
   */
  readonly maxWork: number;
  /**
   * When `maxWork` will cut training short, weights start at this multiple of the class centroids (Rocchio): a
   * sensible classifier before the first SGD step. Not used otherwise: on CLINC150 zero-init trains slightly better.
   */
  readonly initScale: number;
  readonly seed: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = {
  epochs: 6,
  learningRate: 4,
  maxWork: 3e8,
  initScale: 10,
  seed: 1,
};

/**
 * A feature in more classes than this gets no classifier weights: it tells few entries apart ("how", "the", " th")
 * yet its posting list would dominate the cost of every query and training step. The similarity still uses it.
 */
export function maxClassesPerFeature(classCount: number): number {
  // Up to a few hundred entries nothing is pruned (pruning costs ~1 point of accuracy on CLINC150).
  return Math.max(256, Math.ceil(classCount / 40));
}

/** Logits of the classes touched by one input; reuses its buffers between calls (not re-entrant). */
export interface Logits {
  /** Touched classes, in no particular order; `count` of them are valid. */
  readonly classes: Int32Array;
  count: number;
  /** Logit per class; only entries listed in `classes[0..count)` are meaningful. */
  readonly logit: Float64Array;
}

export class SparseSoftmax {
  /** CSR by feature: classes `postClass[postStart[f] .. postStart[f+1])` and their weights. */
  private readonly postStart: Int32Array;
  private readonly postClass: Int32Array;
  private readonly postWeight: Float32Array;
  private readonly stamp: Int32Array;
  private generation = 0;
  private readonly scratch: Logits;

  constructor(
    readonly classCount: number,
    featureCount: number,
    private readonly samples: readonly SparseVector[],
    private readonly labels: Int32Array,
    maxClasses = maxClassesPerFeature(classCount),
    /** Per-sample weight of the loss (default 1): a weaker field's text (an entry's answer) teaches less. */
    private readonly sampleWeights?: Float32Array,
  ) {
    // Support of each feature = the distinct classes of the samples that contain it (two passes: count, then fill).
    const seenBy = new Int32Array(featureCount);
    const count = new Int32Array(featureCount + 1);
    const order = Array.from(labels.keys()).sort((x, y) => labels[x]! - labels[y]!);
    const forEachNewPair = (visit: (f: number, c: number) => void): void => {
      seenBy.fill(-1);
      for (const s of order) {
        const c = labels[s]!;
        for (const f of samples[s]!.index) {
          if (seenBy[f] !== c) {
            seenBy[f] = c;
            visit(f, c);
          }
        }
      }
    };
    forEachNewPair((f) => count[f + 1]!++);
    for (let f = 0; f < featureCount; f++) {
      if (count[f + 1]! > maxClasses) count[f + 1] = 0;
      count[f + 1]! += count[f]!;
    }
    this.postStart = count;
    this.postClass = new Int32Array(count[featureCount]!);
    this.postWeight = new Float32Array(count[featureCount]!);
    const fill = count.slice(0, featureCount);
    forEachNewPair((f, c) => {
      if (fill[f]! < count[f + 1]!) this.postClass[fill[f]!++] = c;
    });

    this.stamp = new Int32Array(classCount);
    this.scratch = { classes: new Int32Array(classCount), count: 0, logit: new Float64Array(classCount) };
  }

  /** Multiply-adds of one SGD step on sample `s` (it walks its features' posting lists twice). */
  private stepWork(s: number): number {
    let work = 0;
    for (const f of this.samples[s]!.index) work += 2 * (this.postStart[f + 1]! - this.postStart[f]!);
    return work;
  }

  /** SGD on the cross-entropy; returns the number of SGD steps taken. */
  train(options: SoftmaxOptions): number {
    const { samples, labels } = this;
    const random = mulberry32(options.seed);
    const prob = new Float64Array(this.classCount);
    const byClass: number[][] = Array.from({ length: this.classCount }, () => []);
    labels.forEach((c, s) => byClass[c]!.push(s));
    let fullWork = 0;
    for (let s = 0; s < samples.length; s++) fullWork += this.stepWork(s);
    if (fullWork * options.epochs > options.maxWork && options.initScale > 0) {
      for (const members of byClass) {
        const scale = options.initScale / Math.max(1, members.length);
        for (const s of members) this.addScaled(samples[s]!, labels[s]!, scale);
      }
    }
    const classOrder = Array.from(byClass.keys());
    let work = 0;
    let steps = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      // Decaying step: large early steps learn fast, small late ones settle.
      const lr = options.learningRate / (1 + epoch * 0.5);
      // Round-robin over classes (one paraphrase of each, then a second...): if `maxWork` stops an epoch midway,
      // every entry has been trained about equally rather than the first half fully and the rest not at all.
      for (const list of byClass) shuffleInPlace(list, random);
      shuffleInPlace(classOrder, random);
      const rounds = Math.max(...byClass.map((l) => l.length));
      for (let r = 0; r < rounds; r++) {
        for (const c of classOrder) {
          const s = byClass[c]![r];
          if (s === undefined) continue;
          work += this.stepWork(s);
          if (work > options.maxWork) return steps;
          const x = samples[s]!;
          this.probabilities(this.logits(x), prob);
          prob[c]! -= 1; // gradient of the cross-entropy w.r.t. the logits: p - onehot(y)
          this.addScaledVector(x, prob, -lr * (this.sampleWeights?.[s] ?? 1));
          steps++;
        }
      }
    }
    return steps;
  }

  /** `W[f, c] += scale * x[f]` over `x`'s features (class `c` only). */
  private addScaled(x: SparseVector, c: number, scale: number): void {
    const { postStart, postClass, postWeight } = this;
    for (let i = 0; i < x.index.length; i++) {
      const f = x.index[i]!;
      for (let j = postStart[f]!, end = postStart[f + 1]!; j < end; j++) {
        if (postClass[j] === c) postWeight[j]! += scale * x.value[i]!;
      }
    }
  }

  /** `W[f, c] += scale * x[f] * g[c]` over the support of `x`'s features. */
  private addScaledVector(x: SparseVector, g: Float64Array, scale: number): void {
    // Locals, not `this.` lookups, in the hot loop: V8 then keeps the typed arrays in registers.
    const { postStart, postClass, postWeight } = this;
    for (let i = 0; i < x.index.length; i++) {
      const f = x.index[i]!;
      const step = scale * x.value[i]!;
      for (let j = postStart[f]!, end = postStart[f + 1]!; j < end; j++) postWeight[j]! += step * g[postClass[j]!]!;
    }
  }

  /** Logits of every class sharing a feature with `x` (the others are 0). */
  logits(x: SparseVector): Logits {
    const { postStart, postClass, postWeight, stamp, scratch: out } = this;
    const { logit, classes } = out;
    const gen = ++this.generation;
    let n = 0;
    for (let i = 0; i < x.index.length; i++) {
      const f = x.index[i]!;
      const v = x.value[i]!;
      for (let j = postStart[f]!, end = postStart[f + 1]!; j < end; j++) {
        const c = postClass[j]!;
        if (stamp[c] !== gen) {
          stamp[c] = gen;
          logit[c] = 0;
          classes[n++] = c;
        }
        logit[c]! += v * postWeight[j]!;
      }
    }
    out.count = n;
    return out;
  }

  /**
   * Softmax over all classes into `prob` (only touched classes are written); returns the probability of any one
   * untouched class, whose logit is 0.
   */
  probabilities(logits: Logits, prob: Float64Array): number {
    let max = 0; // untouched classes have logit 0
    for (let i = 0; i < logits.count; i++) max = Math.max(max, logits.logit[logits.classes[i]!]!);
    let z = (this.classCount - logits.count) * Math.exp(-max);
    for (let i = 0; i < logits.count; i++) {
      const c = logits.classes[i]!;
      const e = Math.exp(logits.logit[c]! - max);
      prob[c] = e;
      z += e;
    }
    for (let i = 0; i < logits.count; i++) prob[logits.classes[i]!]! /= z;
    return Math.exp(-max) / z;
  }
}
