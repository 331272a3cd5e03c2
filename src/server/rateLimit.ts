// A token bucket per connection: a device may send a burst of `burst` messages, then
// `perSecond` a second. The clock is passed in, so the limit is tested without waiting.

export interface RateLimit {
  burst: number;
  perSecond: number;
}

/** Generous for a person clicking, tight for a script flooding the server. */
export const DEVICE_RATE: RateLimit = { burst: 30, perSecond: 10 };

export interface Bucket {
  tokens: number;
  at: number;
}

export function fullBucket(limit: RateLimit, now: number): Bucket {
  return { tokens: limit.burst, at: now };
}

/** Take one message from the bucket: the bucket after, and whether the message may pass. */
export function take(
  bucket: Bucket,
  limit: RateLimit,
  now: number,
): { bucket: Bucket; allowed: boolean } {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  const tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
  if (tokens < 1) return { bucket: { tokens, at: now }, allowed: false };
  return { bucket: { tokens: tokens - 1, at: now }, allowed: true };
}
