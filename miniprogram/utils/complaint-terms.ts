/**
 * The periods the citizen pages state, from the legal settings in force (`public` `complaint.terms`): never written into the WXML. Each known period has its sentence; while the answer is missing (offline,
 * loading) the sentence says the period without a number rather than a number that may be wrong.
 */
export type Periods = Readonly<Record<string, number>>;

interface TermText {
  key: string;
  withDays: (n: number) => string;
  without: string;
}

/** In the order the intro lists what happens after submitting. */
const TERMS: TermText[] = [
  {
    key: 'acceptanceWorkingDays',
    withDays: (n) => `我们在 ${n} 个工作日内决定是否受理，并告知您。`,
    without: '我们在规定的期限内决定是否受理，并告知您；提交后可以看到具体日期。',
  },
  {
    key: 'reporterFeedbackWorkingDays',
    withDays: (n) => `受理后依法核查处理；实名举报人在作出是否立案决定后 ${n} 个工作日内得到反馈。`,
    without: '受理后依法核查处理；实名举报人在作出是否立案决定后的规定期限内得到反馈。',
  },
];

const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;

/** The sentences for the periods known to the page, with the numbers of `periods` where given. */
export function termLines(periods: Periods | null): string[] {
  return TERMS.map((t) => {
    const n = periods?.[t.key];
    return valid(n) ? t.withDays(n) : t.without;
  });
}
