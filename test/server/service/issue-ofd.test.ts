/**
 * Serving a sealed OFD document through the functions (REC-7, 行政处罚法 Art. 61; GB/T 33190, GB/T 38540): an
 * SM2-sealed OFD of the case register is served on an enrolled party with its signer and hash fixed; the party sees
 * that it is an OFD (WeChat's viewer opens PDF only) and downloads exactly the sealed file; an OFD changed after
 * signing and an unsealed one are refused at issue.
 */
import { createHash } from 'node:crypto';
import { verifySealedDocument } from '../../../server/service/signature';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { ofdDocument, ofdSigner, OFD_SIGNER_NAME, PAGE, sealedOfd, sealFiles, zipOfd } from './ofdBuilder';
import { caseWithDocument, newPartyOpenid, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function issue(bytes: Buffer) {
  const { kase, recordId } = await caseWithDocument(t, 'priorNotice', bytes);
  const openid = newPartyOpenid();
  await bindRecipient({ openid, partyId: kase.partyId, caseId: kase.id });
  return { openid, issued: await t.call.staff(OFFICER, 'service.issue', { recordId }) };
}

describe('service.issue with a sealed OFD', () => {
  beforeEach(() => setClock(t, SERVED_AT));

  it('serves it with the signer and hash fixed, and the party opens exactly the sealed file', async () => {
    const ofd = sealedOfd();
    const { openid, issued } = await issue(ofd);
    expect(issued).toMatchObject({
      ok: true,
      data: {
        state: 'served',
        fileSha256: sha(ofd),
        fileFormat: 'ofd',
        signerSubject: `C=CN, CN=${OFD_SIGNER_NAME}`,
        certSha256: sha(ofdSigner().certDer),
      },
    });
    const serviceId = issued.data.id as string;

    const got = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(got).toMatchObject({ ok: true, data: { fileFormat: 'ofd', fileSha256: sha(ofd) } });

    const opened = await t.call.citizen(openid, 'service.open', { serviceId });
    expect(opened).toMatchObject({ ok: true, data: { fileFormat: 'ofd', fileSha256: sha(ofd) } });
    const file = Buffer.from(await (await fetch(opened.data.url)).arrayBuffer());
    expect(sha(file)).toBe(sha(ofd));
    expect(verifySealedDocument(file)).toMatchObject({ ok: true, format: 'ofd' });

    const after = await t.call.citizen(openid, 'service.get', { serviceId });
    expect(after.data).toMatchObject({ state: 'opened', serviceDate: '2026-06-18' });
  });

  it('refuses an OFD whose page was changed after signing, and an unsealed OFD', async () => {
    const files = sealFiles(ofdDocument(true), ofdSigner());
    files.set(PAGE, Buffer.from(files.get(PAGE)!.toString('utf8').replace('事先告知书', '决定书'), 'utf8'));
    expect((await issue(zipOfd(files))).issued).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'payload.recordId': 'OFD 文件在签章后被修改过，签章已失效' },
      },
    });
    expect((await issue(zipOfd(ofdDocument(false)))).issued).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'payload.recordId': '文件没有电子签章，不能作为送达文书' } },
    });
  });
});
