/**
 * The labelled redaction corpus (test/fixtures/redaction, PUB-7) and its scoring: recall per labelled
 * kind (a labelled span counts as found when removals cover all of it) and precision per removed kind (a removal
 * is right when it overlaps a labelled span). Highlights are counted apart: they are not removed.
 */
import frozen from '../../fixtures/redaction/frozen/corpus.json';
import frozen2 from '../../fixtures/redaction/frozen-2/corpus.json';
import frozen3 from '../../fixtures/redaction/frozen-3/corpus.json';
import frozen4 from '../../fixtures/redaction/frozen-4/corpus.json';
import frozen5 from '../../fixtures/redaction/frozen-5/corpus.json';
import frozen6 from '../../fixtures/redaction/frozen-6/corpus.json';
import frozen7 from '../../fixtures/redaction/frozen-7/corpus.json';
import frozen8 from '../../fixtures/redaction/frozen-8/corpus.json';
import frozen9 from '../../fixtures/redaction/frozen-9/corpus.json';
import tuning from '../../fixtures/redaction/tuning/corpus.json';
import {
  redact,
  type KnownPartyData,
  type RedactOptions,
  type RedactionResult,
  type Span,
} from '../../../core/redaction';

export interface LabelledDoc {
  id: string;
  field: string;
  known: KnownPartyData[];
  text: string;
  spans: Array<{ start: number; end: number; kind: string; text: string }>;
  kept: Array<{ start: number; end: number; kind: string; text: string }>;
}

/** `frozen2` is `frozen-2/`: the second frozen half, committed before the engine was ever run on it (blind). */
/** `frozen3` is `frozen-3/`: the third half, measured blind once by the lead, then tuned on (no longer blind). */
/** `frozen4` is `frozen-4/`: the fourth half, measured blind once by the lead, then tuned on (no longer blind). */
export const CORPUS: Readonly<
  Record<
    | 'frozen'
    | 'frozen2'
    | 'frozen3'
    | 'frozen4'
    | 'frozen5'
    | 'frozen6'
    | 'frozen7'
    | 'frozen8'
    | 'frozen9'
    | 'tuning',
    LabelledDoc[]
  >
> = {
  frozen: frozen as LabelledDoc[],
  frozen2: frozen2 as LabelledDoc[],
  frozen3: frozen3 as LabelledDoc[],
  frozen4: frozen4 as LabelledDoc[],
  /** `frozen-5/`: the fifth half, measured blind by the lead after the third tuning round, then tuned on (no longer blind). */
  frozen5: frozen5 as LabelledDoc[],
  /** `frozen-6/`: the sixth half, measured blind by the lead after the third and fourth rounds; its misses were then
   * fixed by class in the fourth (identifiers, kept names) and fifth rounds (names, health, finances): not blind. */
  frozen6: frozen6 as LabelledDoc[],
  /** `frozen-7/`: the seventh half (Shandong), measured blind by the lead after the fifth round, then tuned on. */
  frozen7: frozen7 as LabelledDoc[],
  /** `frozen-8/`: the eighth half (Jiangsu), measured blind by the lead after the sixth round. */
  frozen8: frozen8 as LabelledDoc[],
  /** `frozen-9/`: the ninth half (Sichuan), measured blind by the lead after the seventh round. */
  frozen9: frozen9 as LabelledDoc[],
  tuning: tuning as LabelledDoc[],
};

/**
 * Each half's authority as the legal settings give it to the publication flow (its published phone, e-mail and
 * fine-collection account): frozen-3's authority is another district (九龙坡区), frozen-4's another province
 * (天水市麦积区, its address too), frozen-5's a third (肇庆市端州区), frozen-6's a fourth (湖州市吴兴区), frozen-7's a fifth
 * (潍坊市奎文区). The Wanzhou halves give none, so
 * they measure the context rule that stays as the fallback.
 */
type Contacts = NonNullable<RedactOptions['keep']>;
const CONTACTS: Partial<Record<keyof typeof CORPUS, Contacts>> = {
  frozen3: { phones: ['023-68780123'], emails: ['jlpwjzf@cq.gov.cn'], accounts: ['3106 0101 0400 1234 5'] },
  frozen4: {
    phones: ['0938-2726315'],
    emails: ['mjqwjjd@163.com'],
    accounts: ['2705 0101 0400 0688 9'],
    addresses: ['天水市麦积区桥南商埠路56号'],
  },
  frozen5: {
    phones: ['0758-2863120'],
    emails: ['dzwjj_zf@zhaoqing.gov.cn'],
    accounts: ['44580101040021637'],
  },
  frozen6: {
    phones: ['0572-2101188', '0572-2101266', '0572-2101277'],
    emails: ['wxwsjd@wuxing.gov.cn'],
    accounts: ['19-210101040012345'],
    addresses: ['湖州市吴兴区区府路1188号'],
  },
  frozen7: {
    phones: ['0536-8230512', '0536-8230577', '（0536）8230577'],
    emails: ['kwwjzfdd@wf.shandong.cn'],
    accounts: ['15461101040023786'],
    addresses: ['潍坊市奎文区鸢飞路1188号'],
  },
  frozen8: {
    phones: ['0512-65238870'],
    emails: ['gswjw_zf@gusu.gov.cn'],
    accounts: ['10551201040008866', '1055 1201 0400 0886 6'],
    addresses: ['苏州市姑苏区干将西路1188号'],
  },
  frozen9: {
    phones: ['028-85561234'],
    emails: ['wuhouwjj@cdwh.gov.cn'],
    accounts: ['22810101040012345'],
    addresses: ['成都市武侯区科华北路66号'],
  },
};
const AUTHORITY = new Map<LabelledDoc, Contacts>(
  Object.entries(CONTACTS).flatMap(([half, c]) =>
    CORPUS[half as keyof typeof CORPUS].map((d) => [d, c!] as const),
  ),
);

/** The engine as the publication flow calls it: the case's known party data, nothing else configured. */
export function runDoc(doc: LabelledDoc, options: RedactOptions = {}): RedactionResult {
  // The flow passes a representative's name in keepNames, never among the known data (knownOfEntry): a writer who
  // listed an operator among `known` (frozen-7 K25) is read as the flow would send it. keepNames stay empty, so the
  // engine still has to find the representatives itself.
  const kept = new Set(doc.kept.map((k) => k.text));
  const known = doc.known.map((k) => (k.names ? { ...k, names: k.names.filter((n) => !kept.has(n)) } : k));
  return redact(doc.text, known, { keep: AUTHORITY.get(doc), ...options });
}

export const IDENTIFIER_KINDS = [
  'idNumber',
  'phone',
  'email',
  'wechat',
  'bankAccount',
  'propertyCert',
  'plate',
];

export interface KindScore {
  labelled: number;
  found: number;
  /** Labelled spans with at least one character removed: found, or cut at a different boundary. */
  touched: number;
  highlighted: number;
  removed: number;
  correct: number;
}

export interface Score {
  byKind: Record<string, KindScore>;
  misses: Array<{ doc: string; kind: string; text: string }>;
  falsePositives: Array<{ doc: string; kind: string; text: string }>;
  /** Highlights that overlap no labelled span: the reviewer's extra reading. */
  idleHighlights: number;
  highlightsShown: number;
}

function covered(s: { start: number; end: number }, spans: readonly Span[]): boolean {
  let at = s.start;
  for (const r of [...spans].sort((a, b) => a.start - b.start)) {
    if (r.start <= at && r.end > at) at = r.end;
    if (at >= s.end) return true;
  }
  return at >= s.end;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export function score(docs: readonly LabelledDoc[], options: RedactOptions = {}): Score {
  const byKind: Record<string, KindScore> = {};
  const k = (kind: string) =>
    (byKind[kind] ??= { labelled: 0, found: 0, touched: 0, highlighted: 0, removed: 0, correct: 0 });
  const misses: Score['misses'] = [];
  const falsePositives: Score['falsePositives'] = [];
  let idleHighlights = 0;
  let highlightsShown = 0;
  for (const doc of docs) {
    const { removals, highlights } = runDoc(doc, options);
    for (const g of doc.spans) {
      const s = k(g.kind);
      s.labelled++;
      if (removals.some((r) => overlaps(r, g))) s.touched++;
      if (covered(g, removals)) s.found++;
      else {
        if (highlights.some((h) => overlaps(h, g))) s.highlighted++;
        misses.push({ doc: doc.id, kind: g.kind, text: g.text });
      }
    }
    highlightsShown += highlights.length;
    idleHighlights += highlights.filter((h) => !doc.spans.some((g) => overlaps(g, h))).length;
    for (const r of removals) {
      const s = k(r.kind);
      s.removed++;
      if (doc.spans.some((g) => overlaps(g, r))) s.correct++;
      else falsePositives.push({ doc: doc.id, kind: r.kind, text: doc.text.slice(r.start, r.end) });
    }
  }
  return { byKind, misses, falsePositives, idleHighlights, highlightsShown };
}

/** Sums of several kinds (the identifiers together). */
export function total(scoreByKind: Record<string, KindScore>, kinds: readonly string[]): KindScore {
  const t: KindScore = { labelled: 0, found: 0, touched: 0, highlighted: 0, removed: 0, correct: 0 };
  for (const kind of kinds) {
    const s = scoreByKind[kind];
    if (!s) continue;
    for (const key of Object.keys(t) as Array<keyof KindScore>) t[key] += s[key];
  }
  return t;
}
