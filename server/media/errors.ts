/** Why an upload was refused; `reason` is Chinese for the citizen, `code` a short tag for logs and tests. */
export class MediaRejected extends Error {
  constructor(
    readonly code: 'type' | 'size' | 'malformed' | 'path' | 'missing',
    readonly reason: string,
  ) {
    super(code);
  }
}

export const malformed = (what: string) =>
  new MediaRejected('malformed', `图片文件已损坏或格式不正确（${what}）`);
