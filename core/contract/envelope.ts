/** The answer of every function action (docs/architecture.md, step 3); shared by the functions and the mini-program. */

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  /** Plain Chinese, for people. */
  message: string;
  /** Field path (dot notation) → what is wrong with it, in Chinese. */
  fields?: Record<string, string>;
  /** RATE_LIMITED: when the caller may try again (ISO 8601). */
  retryAfter?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/**
 * Most matches a list counts: beyond it the count says "more than" (`totalCapped`), so a first page costs the same
 * at any size; lists stay flat as records grow.
 */
export const PAGE_TOTAL_CAP = 99;

/**
 * One page of a list. Paged lists count matches on their first page only, and at most PAGE_TOTAL_CAP of them; a
 * later page (asked with a cursor) answers `total: null` and the page keeps the first page's figure. Whether
 * there is a next page comes from reading one item more than the page, never from the count.
 */
export interface Page<T> {
  items: T[];
  /** Matches of the whole list, at most PAGE_TOTAL_CAP; null on pages after the first. */
  total: number | null;
  /** true when there are more matches than `total` (show "99+"). */
  totalCapped: boolean;
  nextCursor: string | null;
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '提交的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '未找到相关内容',
  CONFLICT: '操作与已有记录冲突',
  PRECONDITION_FAILED: '当前状态下不能进行此操作',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '服务暂时不可用，请稍后再试',
};
