/**
 * Publication entries as stored (PUB-6, PUB-10, PUB-11): the staff record (`publicationEntries`, the entry with
 * its party data, only ever read by staff who may see it) and the public projection (`publicationPublic`, one
 * document per entry once published: the summary or the withdrawal notice and the search tokens, nothing else).
 * The public function reads ONLY the second collection, so nothing but `publicView` / `withdrawalNotice` output
 * can reach it (PUB-7; 法释〔2016〕19号 Art. 8-10).
 */
import type { WithholdReason } from '../../../core/publication/disclosure';
import type { PublicationEntry } from '../../../core/publication/fields';
import type { PublicView, WithdrawalNotice } from '../../../core/publication/public-view';
import type { EntryForWorkflow, EntryState } from '../../../core/publication/workflow';
import type { WorkflowFields } from '../../../core/workflow/define';
import type { SealedPersonalData } from '../../privacy';

export const ENTRIES_COLLECTION = 'publicationEntries';
export const PUBLIC_COLLECTION = 'publicationPublic';

export interface EntryComment {
  step: string;
  round: number;
  text: string;
  /** The salted reference of who wrote it. */
  by: string;
  at: string;
}

import type { EntryDisplay } from './display';

export interface EntryRecord extends EntryForWorkflow {
  _id: string;
  _rev: number;
  _wf: WorkflowFields;
  status: EntryState;
  /** Copied from the entry for indexes (kind, decision date, document number). */
  kind: PublicationEntry['kind'];
  decisionDate: string;
  docNo: string;
  /**
   * The party's ID numbers, phone and address, sealed with the entry's own key (sealing.ts); `entry.party` holds
   * them only once opened by the server, never as stored. null: the party has none.
   */
  partySealed?: SealedPersonalData | null;
  /** The grounds it is withheld on as it stands, recorded at every change (PUB-8). */
  withheld: WithholdReason[];
  /** How it was made: the form or a 双公示 import (file line). */
  source:
    | { via: 'form' }
    | { via: 'import'; line: number }
    | { via: 'correction' }
    | { via: 'decision'; caseId: string };
  /** Made from a decision in the case register (PUB-6): the case names this entry on that decision too. */
  fromDecision?: { caseId: string; caseNo: string; docNo: string } | null;
  /** Fields still to fill in (a draft from a decision); submit refuses until empty. Absent: complete. */
  missing?: Array<{ path: string; message: string }>;
  version: number;
  /** A correction: the version it replaces (which stays public until this one is published). */
  supersedes: string | null;
  /** The entry of the decision this one changes (PUB-13), by its public id and document number. */
  replaces?: { id: string; docNo: string } | null;
  /** The public document's id: the first version's id, so the public always sees the current version there. */
  publicId: string;
  /** Approved: when to publish (ISO); the timer publishes what is due (indexed with status). */
  publishAt: string | null;
  publishedAt: string | null;
  comments: EntryComment[];
  withdrawal:
    | (EntryForWorkflow['withdrawal'] & {
        change?: string;
        effectiveOn?: string;
        receivedOn?: string;
        withdrawnOn?: string;
      })
    | null;
  /** A publication state per channel: only the mini-program is delivered here; the other channels come later. */
  channels: Record<'miniprogram' | 'portal' | 'creditExport' | 'officialAccount', ChannelState>;
  /** The credit-platform export file the entry went out in (PUB-14), once it did. */
  creditExportId?: string;
  /** Fixed at publication: the end on each channel and the settings version it came from (./display.ts). */
  display?: EntryDisplay | null;
  /**
   * The credit platform's last display day while the entry is listed there (the timer ends it the day after:
   * `publication.creditEndDue`); null once ended, removed early after credit repair, or for the other kinds.
   */
  creditUntil?: string | null;
  /** Early removal from the credit platform after credit repair (信用修复): when, by whom, why. */
  creditRepair?: { on: string; by: string; reason: string } | null;
  /** `<created at ISO>|<id>`: the staff queues' sort key and cursor (newest first). */
  queueKey: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `ended`: its display period there is over; `repaired`: taken off early after credit repair (信用修复). */
export type ChannelState = 'pending' | 'published' | 'withdrawn' | 'notDelivered' | 'ended' | 'repaired';

export type EntryState_ = Omit<EntryRecord, '_id' | '_rev'>;

/** The public document: what anyone may read, and the fields the list filters, searches and sorts on. */
export interface PublicDoc {
  _id: string;
  _rev: number;
  status: 'published' | 'withdrawn';
  kind: PublicationEntry['kind'];
  /** `<decision date>|<published at>|<id>`: newest decision first, unique (the cursor). */
  sortKey: string;
  /** searchTokens(view) (core/publication/search.ts); a withdrawn entry keeps only its document number's. */
  tokens: string[];
  view: PublicView | null;
  notice: WithdrawalNotice | null;
  /** The decision's full text as fixed at approval, its removals applied (PUB-7); absent: summary only. */
  fullText?: string | null;
  /**
   * `<changed at ISO>|<id>`: the open-data feed's cursor (publications.json/.csv), rewritten at every change of
   * this document, so a portal pulling from its last cursor also receives withdrawals and expiries (tombstones).
   * Absent on documents last written before the feed existed (they reach the feed at their next change).
   */
  feedKey?: string;
  /** A changed decision's new entry names the old one's notice (id and document number, both already public). */
  replaces?: { id: string; docNo: string } | null;
  /** ... and the old one names the new one (PUB-13; 行政处罚法 Art. 48), once that is published. */
  replacedBy?: { id: string; docNo: string } | null;
  /**
   * Whether the public list and `publication.get` show it: false once its display end has passed (the scheduler's
   * `publication.delistDue`). Every list query filters on it (the indexes lead with it).
   */
  listed: boolean;
  /** The display end (公示截止期: a penalty's CF_GSJZQ), YYYY-MM-DD; null: no end (a withdrawal notice, 2099-12-31). */
  displayUntil: string | null;
  /** The day `publication.delistDue` took it off the list, or absent. */
  delistedOn?: string | null;
}
