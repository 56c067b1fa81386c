import { z } from 'zod';

/** Upper bound for epoch-millisecond fields; RxDB needs a maximum on indexed numbers. */
export const MAX_EPOCH_MS = 4_102_444_800_000; // 2100-01-01

export const idSchema = z.string().min(1).max(40);
export const epochMsSchema = z.int().min(0).max(MAX_EPOCH_MS);
export const serverSeqSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
