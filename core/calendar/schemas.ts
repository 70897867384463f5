import * as z from 'zod/mini';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  epochDayFromParts,
  isWeekendEpochDay,
  tryParsePlainDate,
} from './civilDate';

/**
 * An administrator-loaded holiday arrangement for one year, as the State Council's notice (国务院办公厅关于某年
 * 部分节假日安排的通知) publishes it. The admin action that loads it validates with this schema; the calendar
 * validates again when it is built so that no caller can slip an unchecked table in. `zod/mini` because core is
 * bundled into the mini-program: the classic API with its locales costs about 450 kB minified.
 */
const plainDateInTable = (label: string) =>
  z.string({ error: `${label}应为 YYYY-MM-DD 格式的日期` }).check(
    // The date is not quoted back: answers echo nothing the caller sent.
    z.refine((text) => !!tryParsePlainDate(text), {
      error: `${label}无效，应为真实存在的 YYYY-MM-DD 日期`,
    }),
  );

/** Strict: the payload is hashed for idempotency, so keys the table does not know are refused, not carried. */
export const yearTableSchema = z
  .strictObject({
    year: z
      .number({ error: '年份应为数字' })
      .check(
        z.int({ error: '年份应为整数' }),
        z.minimum(FIRST_SUPPORTED_YEAR, { error: `年份不得早于 ${FIRST_SUPPORTED_YEAR}` }),
        z.maximum(LAST_SUPPORTED_YEAR, { error: `年份不得晚于 ${LAST_SUPPORTED_YEAR}` }),
      ),
    /** Rest days that would otherwise be weekdays. A weekend day here is allowed (it changes nothing). */
    holidays: z.array(plainDateInTable('放假日期'), { error: '放假日期应为日期列表' }),
    /** 调休 make-up working days; each must be a Saturday or Sunday. */
    makeUpWorkdays: z.array(plainDateInTable('调休上班日期'), { error: '调休上班日期应为日期列表' }),
    /** Where the table comes from, e.g. the notice's number (国办发明电〔2026〕x号). */
    source: z
      .string({ error: '来源应为文字' })
      .check(z.trim(), z.minLength(1, { error: '请填写来源（如国务院办公厅通知文号）' })),
  })
  .check(
    z.superRefine((table, ctx) => {
      // Messages name the field and the year (already validated), never the dates sent.
      const checkList = (list: 'holidays' | 'makeUpWorkdays', label: string) => {
        const seen = new Set<string>();
        table[list].forEach((date, index) => {
          const parts = tryParsePlainDate(date);
          if (!parts) return; // already reported by the element schema
          if (parts.year !== table.year) {
            ctx.addIssue({
              code: 'custom',
              path: [list, index],
              message: `${label}不在 ${table.year} 年内`,
            });
          }
          if (seen.has(date)) {
            ctx.addIssue({ code: 'custom', path: [list, index], message: `${label}重复` });
          }
          seen.add(date);
          if (
            list === 'makeUpWorkdays' &&
            !isWeekendEpochDay(epochDayFromParts(parts.year, parts.month, parts.day))
          ) {
            ctx.addIssue({
              code: 'custom',
              path: [list, index],
              message: '调休上班日期应为星期六或星期日（工作日本来就上班，无需列出）',
            });
          }
        });
      };
      checkList('holidays', '放假日期');
      checkList('makeUpWorkdays', '调休上班日期');
      const holidays = new Set(table.holidays);
      table.makeUpWorkdays.forEach((date, index) => {
        if (holidays.has(date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['makeUpWorkdays', index],
            message: '调休上班日期不能同时是放假日期',
          });
        }
      });
    }),
  );

export type YearTable = z.infer<typeof yearTableSchema>;
