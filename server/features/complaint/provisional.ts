/**
 * Complaints as a record type whose clocks the kernel recomputes when a year's official holiday table is loaded
 * (server/kernel/deadlines.ts): the dates a complainant or reporter is shown are the record's own fields, kept
 * equal to the clocks here.
 */
import { COMPLAINT_WORKFLOW } from '../../../core/complaint/workflow';
import type { ClockedRecords } from '../../kernel/deadlines';

export const complaintClockedRecords: ClockedRecords = {
  def: COMPLAINT_WORKFLOW,
  mirror: (state, wf) => {
    const { acceptance, handling, feedback } = wf.clocks;
    if (acceptance?.dueDate) state.acceptanceDueDate = acceptance.dueDate;
    if (handling?.dueDate) state.handlingDueDate = handling.dueDate;
    if (feedback?.dueDate) state.feedbackDueDate = feedback.dueDate;
  },
};
