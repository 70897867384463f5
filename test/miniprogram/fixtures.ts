/** Event payloads and backend answers the page tests share. */

/** A tap on an element carrying `data-*` attributes. */
export const tap = (dataset: Record<string, unknown>) => ({ currentTarget: { dataset } });

/** A typed value, from an input carrying `data-field` when given. */
export const typed = (value: string, field?: string) => ({
  currentTarget: { dataset: field ? { field } : {} },
  detail: { value },
});

/** `staff` `complaint.get` for a report received through the mini-program, masked contact; override per test. */
export function staffCaseView(overrides: Record<string, unknown> = {}) {
  return {
    id: 'cmp_0123456789abcdef01234567',
    trackingNo: 'TS20261127-7KQ4MX',
    kind: 'report',
    category: '公共场所',
    subject: { name: '某某游泳馆', address: '北山大道 1 号' },
    description: '游泳池水浑浊有异味。',
    status: 'submitted',
    statusLabel: '待受理',
    submittedAt: '2026-11-27T02:00:00.000Z',
    acceptanceDueDate: '2026-12-08',
    anonymous: false,
    timeline: [{ at: '2026-11-27T02:00:00.000Z', event: 'submitted', label: '已提交' }],
    result: null,
    source: 'miniprogram',
    sourceLabel: '小程序',
    sourceRef: null,
    subjectLocation: null,
    unitId: 'unit_enforcement',
    sectionIds: [],
    handlerIds: [],
    rejection: null,
    handlingDueDate: null,
    feedbackState: 'pending',
    feedbackDueDate: null,
    duplicateOf: null,
    duplicateOfTrackingNo: null,
    splitFrom: null,
    caseDecision: null,
    allowedSteps: ['accept', 'reject'],
    contact: { name: '张**', phone: '139****4321' },
    identityVisible: false,
    photos: [],
    ...overrides,
  };
}
