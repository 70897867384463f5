/**
 * Complaint data for `npm run preview` (the emulator's demo seed has none): submitted through the real functions
 * of the seeded emulator as the demo citizen, then handled by the demo staff (emulator/seed/org.ts), so the pages
 * render what the backend answers — a new report awaiting acceptance, a complaint assigned, accepted and
 * replied to, and an accepted report linked as a duplicate of the first.
 */
import { DEMO_CERT_NOS } from '../../emulator/seed/officers';
import { officerIdForCertNo } from '../../server/features/officer/repository';
import { randomUUID } from 'node:crypto';

export const FIXTURE_CITIZEN = 'demo-citizen';
/** Another citizen, owner of the rejected complaint (each identity may submit 5 a day). */
export const FIXTURE_CITIZEN_2 = 'demo-citizen-2';
export const FIXTURE_NAME = '欧阳明远';
export const FIXTURE_PHONE = '13987654321';
export const FIXTURE_REPLY = '经现场核查，该诊所未取得医疗美容科目登记，已责令停止相关项目并立案调查。';

export interface FixtureComplaint {
  id: string;
  trackingNo: string;
  acceptanceDueDate: string;
}

export interface ComplaintFixtures {
  /** A real-name report, not yet accepted. */
  pending: FixtureComplaint;
  /** A complaint assigned to demo-officer-1, accepted and replied to. */
  handled: FixtureComplaint;
  /** A report assigned to demo-officer-1, accepted, linked as a duplicate of `pending`; no case decision yet. */
  duplicate: FixtureComplaint;
  /** A complaint of FIXTURE_CITIZEN_2 not accepted (a civil dispute): its advice, and the rating it may get. */
  rejected: FixtureComplaint;
  /** The badge scene (short id) of the revoked demo certificate: random per seed, as in production. */
  revokedBadgeScene: string;
  /** The badge scene of the valid demo certificate (张伟). */
  validBadgeScene: string;
}

type Envelope = { ok: true; data: any } | { ok: false; error: { code: string; message: string } }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function seedComplaintFixtures(baseUrl: string, appId: string): Promise<ComplaintFixtures> {
  const fn = async (name: string, openid: string, action: string, payload: unknown) => {
    const res = await fetch(`${baseUrl}/fn/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid, 'X-WX-APPID': appId },
      body: JSON.stringify({ action, payload, requestId: randomUUID() }),
    });
    const body = (await res.json()) as Envelope;
    if (!body.ok)
      throw new Error(`预览数据准备失败：${name}.${action} ${body.error.code} ${body.error.message}`);
    return body.data;
  };
  const contact = { anonymous: false, name: FIXTURE_NAME, phone: FIXTURE_PHONE };
  const handled = await fn('citizen', FIXTURE_CITIZEN, 'complaint.submit', {
    kind: 'complaint',
    category: '医疗机构与医疗美容',
    subject: { name: '某某医疗美容诊所', address: '万州区太白路 88 号 2 楼' },
    description: '该诊所无医疗美容资质，却开展玻尿酸注射项目，本人注射后面部红肿，要求查处并赔偿。',
    contact,
  });
  const pending = await fn('citizen', FIXTURE_CITIZEN, 'complaint.submit', {
    kind: 'report',
    category: '公共场所',
    subject: { name: '某某游泳馆', address: '万州区北山大道 1 号' },
    description: '游泳池水浑浊有异味，更衣室没有消毒记录，从业人员未见健康证明。',
    contact,
  });
  const duplicate = await fn('citizen', FIXTURE_CITIZEN, 'complaint.submit', {
    kind: 'report',
    category: '公共场所',
    subject: { name: '某某游泳馆', address: '万州区北山大道 1 号' },
    description: '游泳馆的池水发绿，救生员不在岗，多次反映未见改善。',
    contact,
  });
  const queue = await fn('staff', 'demo-unit-head', 'complaint.queue', { pageSize: 50 });
  const idOf = (trackingNo: string) =>
    (queue.items as Array<{ id: string; trackingNo: string }>).find((i) => i.trackingNo === trackingNo)!.id;
  const handledId = idOf(handled.trackingNo);
  await fn('staff', 'demo-unit-head', 'complaint.assign', { id: handledId, handlerIds: ['stf_officer_1'] });
  await fn('staff', 'demo-officer-1', 'complaint.accept', { id: handledId });
  await fn('staff', 'demo-officer-1', 'complaint.reply', { id: handledId, text: FIXTURE_REPLY });
  const duplicateId = idOf(duplicate.trackingNo);
  await fn('staff', 'demo-unit-head', 'complaint.assign', { id: duplicateId, handlerIds: ['stf_officer_1'] });
  await fn('staff', 'demo-officer-1', 'complaint.accept', { id: duplicateId });
  await fn('staff', 'demo-unit-head', 'complaint.linkDuplicate', {
    id: duplicateId,
    duplicateOf: pending.trackingNo,
  });
  const rejected = await fn('citizen', FIXTURE_CITIZEN_2, 'complaint.submit', {
    kind: 'complaint',
    category: '公共场所',
    subject: { name: '某某足浴店', address: '万州区白岩路 6 号' },
    description: '在该店办理的会员卡余额不退，店家拒绝协商，要求卫生部门责令退款。',
    contact: { anonymous: false, name: '李明', phone: '13812345678' },
  });
  const rejectedQueue = await fn('staff', 'demo-unit-head', 'complaint.queue', { pageSize: 50 });
  const rejectedId = (rejectedQueue.items as Array<{ id: string; trackingNo: string }>).find(
    (i) => i.trackingNo === rejected.trackingNo,
  )!.id;
  await fn('staff', 'demo-unit-head', 'complaint.reject', { id: rejectedId, reason: 'civilDispute' });
  const badge = await fn('staff', 'demo-admin-1', 'officer.badgeCode', {
    officerId: officerIdForCertNo(DEMO_CERT_NOS.revoked),
  });
  const validBadge = await fn('staff', 'demo-admin-1', 'officer.badgeCode', {
    officerId: officerIdForCertNo(DEMO_CERT_NOS.valid),
  });
  return {
    revokedBadgeScene: badge.shortId,
    validBadgeScene: validBadge.shortId,
    rejected: {
      id: rejectedId,
      trackingNo: rejected.trackingNo,
      acceptanceDueDate: rejected.acceptanceDueDate,
    },
    duplicate: {
      id: duplicateId,
      trackingNo: duplicate.trackingNo,
      acceptanceDueDate: duplicate.acceptanceDueDate,
    },
    handled: { id: handledId, trackingNo: handled.trackingNo, acceptanceDueDate: handled.acceptanceDueDate },
    pending: {
      id: idOf(pending.trackingNo),
      trackingNo: pending.trackingNo,
      acceptanceDueDate: pending.acceptanceDueDate,
    },
  };
}

/** `2026-12-08` → `2026年12月8日`, as the pages write dates. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
