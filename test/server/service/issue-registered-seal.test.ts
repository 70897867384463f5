/**
 * The authority's registered seal certificates at service issue (REC-7): once the legal settings list them, a
 * document sealed with another certificate is refused, even one carrying the commission's name and an intact
 * seal, and nothing is served; a document sealed with a listed one is served and says under which name. Before
 * any is listed, a service records that its seal was not compared.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { useSeededEmulator } from '../complaint/helpers';
import { OFFICER } from '../case/helpers';
import { bindRecipient } from '../../helpers/service-binding';
import { makeSigner, sealedPdf } from './signedPdf';
import { caseWithDocument, newPartyOpenid, SERVED_AT, setClock } from './serving-helpers';

const t = useSeededEmulator();
const ADMIN = 'demo-admin-1';
const fingerprint = (cert: forge.pki.Certificate) =>
  createHash('sha256')
    .update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'))
    .digest('hex');
const colons = (hex: string) => hex.toUpperCase().match(/../g)!.join(':');

async function issueSealedBy(signer = makeSigner()) {
  const { kase, recordId } = await caseWithDocument(t, 'priorNotice', sealedPdf(signer));
  await bindRecipient({ openid: newPartyOpenid(), partyId: kase.partyId, caseId: kase.id });
  const issued = await t.call.staff(OFFICER, 'service.issue', {
    recordId,
    penalties: [{ kind: 'warning' }],
  });
  return { kase, issued };
}

describe('service.issue against the registered seal certificates', () => {
  beforeAll(() => setClock(t, SERVED_AT));

  it('serves with any intact seal while none is registered, and says it was not compared', async () => {
    const { issued } = await issueSealedBy();
    expect(issued).toMatchObject({ ok: true, data: { sealRegisteredAs: null } });
  });

  it('once registered, serves a document sealed with a listed certificate and names it', async () => {
    const ours = makeSigner('5EA1');
    const published = await t.call.staff(ADMIN, 'settings.publish', {
      values: {
        // Written with colons and upper case, as certificate viewers show it.
        sealCertificates: [
          { name: '区卫生健康委员会行政执法专用章', sha256: colons(fingerprint(ours.certificate)) },
        ],
      },
    });
    expect(published).toMatchObject({ ok: true });
    const { issued } = await issueSealedBy(ours);
    expect(issued).toMatchObject({
      ok: true,
      data: {
        sealRegisteredAs: '区卫生健康委员会行政执法专用章',
        certSha256: fingerprint(ours.certificate),
      },
    });
  });

  it('refuses a look-alike certificate in the commission’s name, and serves nothing', async () => {
    const lookAlike = makeSigner('5EA1');
    const { kase, issued } = await issueSealedBy(lookAlike);
    expect(issued).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(issued.error.fields['payload.recordId']).toContain('不是本机关在法定设置中登记的签章证书');
    expect(JSON.stringify(issued.error)).not.toContain(fingerprint(lookAlike.certificate));
    const services = await t.call.staff(OFFICER, 'service.ofCase', { caseId: kase.id });
    expect(services).toMatchObject({ ok: true, data: [] });
  });

  it('refuses a malformed fingerprint in the settings with the field named', async () => {
    const res = await t.call.staff(ADMIN, 'settings.publish', {
      values: { sealCertificates: [{ name: '印章', sha256: 'abc' }] },
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(res.error)).toContain('证书 SHA-256 指纹');
  });
});
