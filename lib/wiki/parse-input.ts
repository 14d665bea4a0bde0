import type { z } from 'zod';
import { AppError } from '../errors';

/** `input` as `schema` reads it, or an AppError saying what is wrong with it first. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0].message);
  return parsed.data;
}
