/**
 * The mark beside an acceptance date that rests on a year whose official holiday arrangement is not published yet
 * (`acceptanceDueProvisional`). The backend keeps the promise it states: once told, the date may
 * only move later (a published 调休 workday never brings it earlier), so the citizen is never told too late a date
 * that then shrinks. Shown wherever the citizen sees the acceptance date: done, detail, mine.
 */
export const PROVISIONAL_MARK = '（暂按推算的节假日计算，公布后只会顺延，不会提前）';
