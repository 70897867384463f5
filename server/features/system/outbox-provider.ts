/**
 * Dashboard provider for messages that did not go out: a failed delivery, or a subscribe message whose outcome is
 * unknown, needs a person to serve or notify by other means. Listed in the staff function's plugins.
 */
import type { DeadlineProvider } from '../../dashboard/registry';
import { UNDELIVERED_LIMIT, undeliveredSince } from '../../outbox/deliver';

const LOOKBACK_MS = 30 * 24 * 3600_000;
const KIND_LABELS: Record<string, string> = {
  subscribeMessage: '订阅消息',
  officialAccountArticle: '公众号文章发布',
  ledgerAnchor: '台账锚点公布',
  oaDraft: '公众号草稿生成',
  oaPublish: '公众号发布',
  oaMassSend: '公众号群发',
  oaRemove: '公众号撤下文章',
};
/** The Party committee office sees its own deliveries (the official account); admin and audit see all. */
const OA_KINDS = new Set(['oaDraft', 'oaPublish', 'oaMassSend', 'oaRemove', 'officialAccountArticle']);

export const outboxDeadlineProvider: DeadlineProvider = {
  id: 'system.outbox',
  label: '消息投递异常',
  async list(db, scope, now) {
    const all = scope.staff.roles.some((g) => g.role === 'admin' || g.role === 'auditor');
    const oa = scope.staff.roles.some((g) => g.role === 'partyOffice');
    if (!all && !oa) return { items: [], truncated: false };
    const undelivered = (await undeliveredSince(db, new Date(now.getTime() - LOOKBACK_MS))).filter(
      (r) => all || OA_KINDS.has(r.kind),
    );
    const items = undelivered.map((r) => ({
      unitId: null,
      section: 'system',
      person: null,
      item: `${KIND_LABELS[r.kind] ?? r.kind}${r.status === 'failed' ? '发送失败' : '发送结果未知'}`,
      dueAt: new Date(r.updatedAt),
      status: 'overdue' as const,
      ref: `outbox:${r._id}`,
    }));
    return { items, truncated: undelivered.length >= UNDELIVERED_LIMIT };
  },
};
