/**
 * The reviewer's full-text preview as a pure view model (pages/pubstaff/fulltext; PUB-7 second
 * form, seed Art. 16): the decision's text with every mark - the system's removals (struck, with what the public
 * reads instead), its "please review" highlights, and the reviewer's own additions - each of which the reviewer
 * can switch; the text the public would read; and the final removals sent with `publication.confirmRemovals`.
 * Marks never overlap (the engine's removals and highlights do not, and an addition skips marked text).
 */
import type { PublicationFullTextView, RedactionKind, Span } from '../../core-bundle/index';

export type MarkOrigin = 'engine' | 'highlight' | 'reviewer';

export interface Mark {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
  origin: MarkOrigin;
  /** Removed in the public text. */
  on: boolean;
  reason: string;
}

export const KIND_LABELS: Record<RedactionKind, string> = {
  name: '姓名',
  idNumber: '身份证件号码',
  phone: '电话号码',
  email: '电子邮箱',
  wechat: '微信号',
  bankAccount: '银行账号',
  propertyCert: '不动产权证号',
  plate: '车牌号',
  homeAddress: '住址',
  health: '健康信息',
  minor: '未成年人信息',
  financial: '财产状况',
};

/** What the reviewer may mark by hand (the kinds a hand-selected span usually is). */
export const ADD_KINDS: RedactionKind[] = [
  'name',
  'homeAddress',
  'phone',
  'idNumber',
  'health',
  'financial',
  'minor',
  'bankAccount',
];

const LABELS: Record<Exclude<RedactionKind, 'name'>, string> = {
  idNumber: '［身份证号已隐去］',
  phone: '［电话号码已隐去］',
  email: '［电子邮箱已隐去］',
  wechat: '［微信号已隐去］',
  bankAccount: '［银行账号已隐去］',
  propertyCert: '［不动产权证号已隐去］',
  plate: '［车牌号已隐去］',
  homeAddress: '［住址已隐去］',
  health: '［健康信息已隐去］',
  minor: '［未成年人信息已隐去］',
  financial: '［财产状况信息已隐去］',
};

/** As the server makes it (server/features/publication/fulltext.ts `replacementOf`). */
export const replacementFor = (text: string, start: number, kind: RedactionKind) =>
  kind === 'name' ? `${text[start] ?? ''}某` : LABELS[kind];

const same = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start === b.start && a.end === b.end;

/** The marks of a stored full text: the engine's removals and highlights, on as currently removed, and additions. */
export function marksOf(f: NonNullable<PublicationFullTextView['fullText']>): Mark[] {
  const isOn = (s: Span) => f.removals.some((r) => same(r, s));
  const marks: Mark[] = [
    ...f.proposed.map((s) => ({ ...pick(s), origin: 'engine' as const, on: isOn(s), reason: '' })),
    ...f.highlights.map((s) => ({
      ...pick(s),
      origin: 'highlight' as const,
      on: isOn(s),
      reason: s.reason ?? '',
    })),
  ];
  for (const r of f.removals) {
    if (!marks.some((m) => same(m, r))) marks.push({ ...pick(r), origin: 'reviewer', on: true, reason: '' });
  }
  return marks.sort((a, b) => a.start - b.start);
}

const pick = (s: Span) => ({ start: s.start, end: s.end, kind: s.kind, replacement: s.replacement });

/** Switches the mark at `index`: a removal undone or restored, a highlight taken or left; an addition is dropped. */
export function toggle(marks: readonly Mark[], index: number): Mark[] {
  const m = marks[index];
  if (!m) return [...marks];
  if (m.origin === 'reviewer') return marks.filter((_, i) => i !== index);
  return marks.map((x, i) => (i === index ? { ...x, on: !x.on } : x));
}

/**
 * Marks every occurrence of `words` as a removal of `kind` (the reviewer's "select a span"): occurrences that
 * overlap a mark are skipped. Answers the marks and how many were added.
 */
export function addWords(
  text: string,
  marks: readonly Mark[],
  words: string,
  kind: RedactionKind,
): { marks: Mark[]; added: number } {
  const w = words.trim();
  if (!w) return { marks: [...marks], added: 0 };
  const out = [...marks];
  let added = 0;
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
    const span = { start: at, end: at + w.length };
    if (out.some((m) => span.start < m.end && m.start < span.end)) continue;
    out.push({
      ...span,
      kind,
      replacement: replacementFor(text, at, kind),
      origin: 'reviewer',
      on: true,
      reason: '',
    });
    added++;
  }
  return { marks: out.sort((a, b) => a.start - b.start), added };
}

/** What the page sends: the marks that are on. */
export const chosenOf = (marks: readonly Mark[]) =>
  marks.filter((m) => m.on).map((m) => ({ start: m.start, end: m.end, kind: m.kind }));

/** The text the public would read with these marks. */
export function publicTextOf(text: string, marks: readonly Mark[]): string {
  let out = '';
  let at = 0;
  for (const m of marks) {
    if (!m.on || m.start < at) continue;
    out += text.slice(at, m.start) + m.replacement;
    at = m.end;
  }
  return out + text.slice(at);
}

export interface Segment {
  key: string;
  text: string;
  /** plain, or a mark: `removal` (on), `undone` (a removal switched off), `highlight` (not taken), `added`. */
  cls: 'plain' | 'removal' | 'undone' | 'highlight' | 'added';
  /** Index in `marks` (-1 for plain text). */
  index: number;
  /** What the public reads instead (removals), or the hint (highlights). */
  note: string;
  /** For screen readers: what the mark is and what a tap does. */
  label: string;
}

function classOf(m: Mark): Segment['cls'] {
  if (m.origin === 'reviewer') return 'added';
  if (m.on) return m.origin === 'highlight' ? 'added' : 'removal';
  return m.origin === 'engine' ? 'undone' : 'highlight';
}

function labelOf(m: Mark, cls: Segment['cls']): string {
  const kind = KIND_LABELS[m.kind];
  if (cls === 'removal') return `将删除的${kind}，公开为“${m.replacement}”，点按撤销删除`;
  if (cls === 'added') return `审核人添加删除的${kind}，公开为“${m.replacement}”，点按取消`;
  if (cls === 'undone') return `已撤销删除的${kind}，将原样公开，点按恢复删除`;
  return `请核对：可能是${kind}，点按删除`;
}

/** The text as paragraphs of segments (a paragraph per line), marks with their notes and labels. */
export function paragraphsOf(
  text: string,
  marks: readonly Mark[],
): Array<{ key: string; segments: Segment[] }> {
  const segments: Segment[] = [];
  let at = 0;
  const plain = (to: number) => {
    if (to > at)
      segments.push({
        key: `p${at}`,
        text: text.slice(at, to),
        cls: 'plain',
        index: -1,
        note: '',
        label: '',
      });
  };
  marks.forEach((m, index) => {
    if (m.start < at) return;
    plain(m.start);
    const cls = classOf(m);
    segments.push({
      key: `m${m.start}`,
      text: text.slice(m.start, m.end),
      cls,
      index,
      note: cls === 'removal' || cls === 'added' ? m.replacement : cls === 'highlight' ? '请核对' : '保留',
      label: labelOf(m, cls),
    });
    at = m.end;
  });
  plain(text.length);
  // Split plain segments at line breaks into paragraphs.
  const paragraphs: Array<{ key: string; segments: Segment[] }> = [{ key: 'l0', segments: [] }];
  for (const s of segments) {
    if (s.cls !== 'plain') {
      paragraphs[paragraphs.length - 1]!.segments.push(s);
      continue;
    }
    const lines = s.text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) paragraphs.push({ key: `l${s.key}-${i}`, segments: [] });
      if (line) paragraphs[paragraphs.length - 1]!.segments.push({ ...s, key: `${s.key}-${i}`, text: line });
    });
  }
  return paragraphs;
}

/** The counts the page shows above the text. */
export function summaryOf(marks: readonly Mark[]): string {
  const removed = marks.filter((m) => m.on).length;
  const undone = marks.filter((m) => m.origin === 'engine' && !m.on).length;
  const open = marks.filter((m) => m.origin === 'highlight' && !m.on).length;
  const added = marks.filter((m) => m.on && m.origin !== 'engine').length;
  return [
    `删除 ${removed} 处`,
    added ? `其中审核人添加 ${added} 处` : '',
    undone ? `撤销删除 ${undone} 处` : '',
    open ? `请核对 ${open} 处` : '',
  ]
    .filter(Boolean)
    .join('，');
}
