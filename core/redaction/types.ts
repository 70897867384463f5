/**
 * The redaction engine's public types (PUB-7; 法释〔2016〕19号 redaction practice): what is
 * removed from a decision's full text before it is published, and what is only shown to the reviewer. Pure.
 */

/** Kinds of personal data the engine removes (PUB-7). */
export const REDACTION_KINDS = [
  'name',
  'idNumber',
  'phone',
  'email',
  'wechat',
  'bankAccount',
  'propertyCert',
  'plate',
  'homeAddress',
  'health',
  'minor',
  'financial',
] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** Where a span came from: known party data, a checked pattern, a role word, the segmenter, a context rule. */
export type SpanSource = 'known' | 'pattern' | 'role' | 'segmenter' | 'context' | 'reviewer';

export interface Span {
  /** UTF-16 offsets into the text given to `redact`, end exclusive. */
  start: number;
  end: number;
  kind: RedactionKind;
  /** What the public text shows instead: 张某 for a name, a bracketed label for the rest. */
  replacement: string;
  source: SpanSource;
  /** For a highlight: why the reviewer should look (Chinese, no personal data). */
  reason?: string;
}

/**
 * What the case already knows about one natural person among its parties (or anyone else whose data must go):
 * every spelling of these is removed, 100% being the bar (PUB-7). The legal representative of an
 * organisation is published under the 双公示 standard: pass their name in `RedactOptions.keepNames`, not here
 * (their ID number and phone still belong here).
 */
export interface KnownPartyData {
  names?: string[];
  formerNames?: string[];
  idNumbers?: string[];
  phones?: string[];
  addresses?: string[];
  emails?: string[];
}

export interface RedactOptions {
  /** Natural persons' names that are published (legal representatives, individual businesses' operators). */
  keepNames?: string[];
  /**
   * The authority's own published contacts (from the legal settings): removals whose text is one of these in any
   * spelling are dropped (phones with or without +86 or area code, e-mail, fine-collection accounts, office
   * addresses). The context rule (财政局, 非税 … around an account) still applies when these are not given.
   */
  keep?: {
    phones?: readonly string[];
    emails?: readonly string[];
    accounts?: readonly string[];
    addresses?: readonly string[];
  };
  /**
   * Extra "please review" spans from a segmenter that cannot live in core/ (server/redaction/jieba.ts wraps
   * @node-rs/jieba, a native module): called with the text, returns highlight candidates.
   */
  reviewHints?: (text: string) => Array<{ start: number; end: number; kind: RedactionKind; reason: string }>;
}

export interface RedactionResult {
  /** Spans to remove, sorted, never overlapping. */
  removals: Span[];
  /** Uncertain spans for the reviewer to decide on (not removed unless the reviewer adds them). */
  highlights: Span[];
}

/** The bracketed labels the public text shows in place of a removed identifier or detail. */
export const REPLACEMENT_LABELS: Readonly<Record<Exclude<RedactionKind, 'name'>, string>> = {
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
