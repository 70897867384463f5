/**
 * Operations over many records (batch approval, imports, withdrawals) are fan-outs: one transaction and one
 * result per item, each item idempotent on its own (a step refuses a record no longer in its from-state), and
 * resumable within the function's time: what the budget did not reach is answered as `remaining`, for the
 * caller to send again.
 */
import type { ErrorCode } from '../../core/contract/envelope';
import { AppError } from '../errors';

export interface ItemResult {
  id: string;
  ok: boolean;
  code?: ErrorCode;
  message?: string;
}

export interface FanOutResult {
  results: ItemResult[];
  /** Items not reached within the budget. */
  remaining: string[];
}

export async function fanOut(
  ids: readonly string[],
  run: (id: string) => Promise<unknown>,
  options: { budgetMs?: number } = {},
): Promise<FanOutResult> {
  const started = Date.now();
  const results: ItemResult[] = [];
  const unique = [...new Set(ids)];
  for (const [i, id] of unique.entries()) {
    if (Date.now() - started > (options.budgetMs ?? 15_000)) return { results, remaining: unique.slice(i) };
    try {
      await run(id);
      results.push({ id, ok: true });
    } catch (err) {
      if (err instanceof AppError)
        results.push({ id, ok: false, code: err.code, message: err.toBody().message });
      else results.push({ id, ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试该项' });
    }
  }
  return { results, remaining: [] };
}
