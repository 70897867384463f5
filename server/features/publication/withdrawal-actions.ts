/**
 * Withdrawal (PUB-13, seed Art. 25; 行政处罚法 Art. 48): the change of the decision recorded, the entry taken down
 * at once (its content leaves the public list in the same transaction), the public reason published after review.
 */
import * as decl from '../../../core/contract/publication';
import { withdrawalStartsOn } from '../../../core/publication/due';
import { AppError } from '../../errors';
import { handle } from '../../router/types';
import { actorOf, answerOf, loadForStaff, noticeWrite, REASON_PENDING, step, todayOf } from './access';
import { redactedReason } from './fulltext';

/** A date as the act's time: today is now, an earlier day its noon in Shanghai (the clocks read the date). */
function actedAtOn(date: string, now: Date): Date {
  if (date >= todayOf(now)) return now;
  return new Date(`${date}T12:00:00+08:00`);
}

/**
 * Records that the decision was changed, revoked, found unlawful or void (PUB-13; 行政处罚法 Art. 48): the
 * take-down and reason clocks start on the later of the effective and received dates.
 */
const publicationNoteChange = handle(decl.publicationNoteChange, async (input, call) => {
  const today = todayOf(call.now);
  if (input.effectiveOn > today || input.receivedOn > today) {
    throw new AppError('INVALID_INPUT', undefined, { 'payload.receivedOn': '日期不能晚于今天' });
  }
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const startsOn = withdrawalStartsOn(input.effectiveOn, input.receivedOn);
  const done = await step(call.db, 'noteChange', {
    actor: actorOf(call.staff!),
    now: call.now,
    actedAt: actedAtOn(startsOn, call.now),
    loaded: r,
    effect: (s) => {
      s.withdrawal = {
        reason: null,
        reasonPublished: false,
        change: input.change,
        effectiveOn: input.effectiveOn,
        receivedOn: input.receivedOn,
      };
    },
  });
  return answerOf(done);
});

/** Takes the entry down at once: its content leaves the public list in the same transaction (PUB-13). */
const publicationWithdraw = handle(decl.publicationWithdraw, async (input, call) => {
  const r = await loadForStaff(call.db, call.staff!, input.id);
  const today = todayOf(call.now);
  // The reason is published: it passes the same redaction as a full text (PUB-7), stored as published.
  const reason = await redactedReason(call.db, r, input.reason);
  const done = await step(call.db, 'withdraw', {
    actor: actorOf(call.staff!),
    now: call.now,
    loaded: r,
    effect: (s) => {
      s.withdrawal = {
        ...(r.withdrawal ?? {}),
        reason,
        reasonPublished: false,
        withdrawnOn: today,
      };
      s.channels = { ...s.channels, miniprogram: 'withdrawn', portal: 'withdrawn' };
    },
    alsoWrite: async () => [await noticeWrite(call.db, r, today, REASON_PENDING, call.now)],
  });
  return answerOf(done);
});

/** After the leader's review, the notice shows the reason (document number, date, reason; no content). */
const publicationPublishWithdrawalReason = handle(
  decl.publicationPublishWithdrawalReason,
  async (input, call) => {
    const r = await loadForStaff(call.db, call.staff!, input.id);
    const done = await step(call.db, 'publishWithdrawalReason', {
      actor: actorOf(call.staff!),
      now: call.now,
      loaded: r,
      effect: (s) => {
        s.withdrawal = { ...r.withdrawal!, reasonPublished: true };
      },
      alsoWrite: async () => [
        await noticeWrite(
          call.db,
          r,
          r.withdrawal?.withdrawnOn ?? todayOf(call.now),
          r.withdrawal?.reason ?? '',
          call.now,
        ),
      ],
    });
    return answerOf(done);
  },
);

export const publicationWithdrawalActions = {
  'publication.noteChange': publicationNoteChange,
  'publication.withdraw': publicationWithdraw,
  'publication.publishWithdrawalReason': publicationPublishWithdrawalReason,
};
