/**
 * "Please review" hints from @node-rs/jieba (PUB-7): words its HMM recognises but its dictionary does not
 * know (tag `x`), and words it tags as person names (`nr`), that start with a surname and pass the engine's own
 * place, organisation and law-title filters, are shown to the reviewer as possible names. They are never removed
 * without the reviewer.
 *
 * @node-rs/jieba is a native module (a prebuilt linux-x64 binary from npm): esbuild cannot inline it, so a
 * function that uses these hints must install the package at run time (scripts/build.ts allows only
 * @cloudbase/node-sdk today). Loaded lazily, so a function that never asks for hints never loads the dictionary.
 */
import type { Jieba } from '@node-rs/jieba';
import { plausibleName, type RedactOptions } from '../../core/redaction';

let jieba: Jieba | undefined;

function instance(): Jieba {
  if (!jieba) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

export const jiebaReviewHints: NonNullable<RedactOptions['reviewHints']> = (text) => {
  const hints: ReturnType<NonNullable<RedactOptions['reviewHints']>> = [];
  let at = 0;
  for (const { word, tag } of instance().tag(text, true)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    at = start + word.length;
    if ((tag === 'x' || tag === 'nr') && plausibleName(text, start, at)) {
      hints.push({
        start,
        end: at,
        kind: 'name',
        reason: '分词器未收录的以姓氏开头的词，可能是姓名，请核对',
      });
    }
  }
  return hints;
};
