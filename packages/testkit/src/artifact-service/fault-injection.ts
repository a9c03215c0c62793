/**
 * Faults the reliability tests can switch on: a Twirp call answering an error status, or the
 * signed blob upload failing part-way. Each fault hits a given number of times, then disarms.
 */

export const twirpMethods = [
  'CreateArtifact',
  'FinalizeArtifact',
  'ListArtifacts',
  'GetSignedArtifactURL',
  'DeleteArtifact',
] as const;
export type TwirpMethod = (typeof twirpMethods)[number];

export interface FaultSpec {
  /**
   * A Twirp method, or `upload` for the blob upload behind the signed URL. Omitted: every Twirp
   * method, or the upload when `afterBytes` is given.
   */
  method?: TwirpMethod | 'upload';
  /** How many calls (for the upload: HTTP requests to the blob store) it hits; default 1, `Infinity` for all. */
  times?: number;
  /** Answer this HTTP status instead of doing the work (required for Twirp faults). */
  status?: number;
  /** Upload only: let this many request-body bytes through, counted across all upload requests, then cut. */
  afterBytes?: number;
  /** Upload only: how to cut, `reset` (a TCP reset, the default) or `stall` (stop reading and never answer). */
  cut?: 'reset' | 'stall';
}

export class Fault {
  readonly target: TwirpMethod | 'upload' | 'any-twirp';
  readonly status: number | undefined;
  readonly afterBytes: number | undefined;
  readonly cut: 'reset' | 'stall';
  /** Hits left before the fault disarms. */
  remaining: number;
  /** How many times it has struck so far. */
  hits = 0;
  /** Upload request-body bytes let through so far. */
  bytesSeen = 0;

  constructor(spec: FaultSpec) {
    const times = spec.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times > 0)))
      throw new Error(`fault times must be a positive integer or Infinity, got ${times}`);
    if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599)) {
      throw new Error(`fault status must be an HTTP error status (400-599), got ${spec.status}`);
    }
    if (spec.afterBytes !== undefined && !(Number.isInteger(spec.afterBytes) && spec.afterBytes >= 0)) {
      throw new Error(`fault afterBytes must be a non-negative integer, got ${spec.afterBytes}`);
    }
    const upload = spec.method === 'upload' || (spec.method === undefined && spec.afterBytes !== undefined);
    if (spec.method !== undefined && spec.method !== 'upload' && !twirpMethods.includes(spec.method)) {
      throw new Error(
        `unknown fault method ${JSON.stringify(spec.method)}; expected one of ${twirpMethods.join(', ')} or upload`,
      );
    }
    if (upload) {
      if ((spec.afterBytes === undefined) === (spec.status === undefined))
        throw new Error('an upload fault needs exactly one of afterBytes or status');
    } else {
      if (spec.status === undefined) throw new Error('a Twirp fault needs a status');
      if (spec.afterBytes !== undefined || spec.cut !== undefined)
        throw new Error('afterBytes and cut apply only to upload faults');
    }
    this.target = upload ? 'upload' : (spec.method ?? 'any-twirp');
    this.status = spec.status;
    this.afterBytes = spec.afterBytes;
    this.cut = spec.cut ?? 'reset';
    this.remaining = times;
  }

  get armed(): boolean {
    return this.remaining > 0;
  }

  /** Records one strike. */
  strike(): void {
    this.hits += 1;
    this.remaining -= 1;
  }
}

export class FaultInjector {
  private readonly faults: Fault[] = [];

  /** Arms a fault; the returned object shows how often it struck. */
  add(spec: FaultSpec): Fault {
    const fault = new Fault(spec);
    this.faults.push(fault);
    return fault;
  }

  /** Disarms every fault. */
  clear(): void {
    this.faults.length = 0;
  }

  /** The first armed fault for this Twirp method, already counted as struck. */
  strikeTwirp(method: string): Fault | undefined {
    const fault = this.faults.find((f) => f.armed && (f.target === method || f.target === 'any-twirp'));
    fault?.strike();
    return fault;
  }

  /** The first armed upload fault; the caller strikes it when it actually cuts or answers. */
  uploadFault(): Fault | undefined {
    return this.faults.find((f) => f.armed && f.target === 'upload');
  }
}
