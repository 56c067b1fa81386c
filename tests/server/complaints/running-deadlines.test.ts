import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse, WireDocument } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import { computeDueDate } from '../../../shared/deadline/compute-due-date.ts';
import { decideClockStart } from '../../../shared/deadline/decide-clock-start.ts';
import {
  computeComplaintDueAt,
  ruleSetInForce,
  runningClock,
} from '../../../shared/deadline/sla-rules.ts';
import { endOfLocalDate } from '../../../shared/deadline/working-calendar.ts';
import { DEMO_INSTANSI } from '../../../server/seed/demo-instansi.ts';
import {
  loadSlaRuleSets,
  loadWorkingCalendar,
} from '../../../server/calendar/working-calendar-repository.ts';
import { recomputeAllRunningDueDates } from '../../../server/complaints/running-due-dates.ts';
import { openTestReplica, type TestReplica } from '../support/test-replica.ts';
import { bearer, startTestServer, type TestServer } from '../support/test-server.ts';
import { pullAll, pushComplaints } from '../support/replication-client.ts';

/**
 * Due dates stay one computation of (complaint, calendar, rules) on the server and on a
 * workstation replica: after a re-disposition, after a holiday is added or withdrawn, and after
 * an unrelated edit.
 */
const INSTANSI = DEMO_INSTANSI.id;
const OFFSET = DEMO_INSTANSI.utcOffsetMinutes;
/** Monday 7 December 2026, 10:00 WITA. */
const NOW = Date.parse('2026-12-07T02:00:00Z');
/** A Wednesday inside most running clocks of the seed. */
const ADDED_HOLIDAY = '2026-11-25';

let server: TestServer;
let admin: SessionResponse;
let device: TestReplica;

beforeAll(async () => {
  server = await startTestServer({ complaints: 150, app: { now: () => NOW } });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  admin = await server.login('admin.kaltim');
  device = await openTestReplica({
    serverUrl: url,
    session: await server.login('admin.kaltim', 'admin-laptop'),
  });
  await device.sync();
});
afterAll(async () => {
  await device?.close();
  await server?.close();
});

async function serverComplaints(): Promise<Map<string, WireDocument<Complaint>>> {
  const all = await pullAll<Complaint>(server.app, admin, 'complaints', 500);
  return new Map(all.documents.map((complaint) => [complaint.id, complaint]));
}

/** The due time each running complaint must have under the calendar and rules stored now. */
async function expectedDueAt(complaint: Complaint): Promise<number> {
  const calendar = await loadWorkingCalendar(server.db, INSTANSI);
  const rules = ruleSetInForce(await loadSlaRuleSets(server.db, INSTANSI), complaint.receivedAt);
  return computeComplaintDueAt(complaint, rules, calendar);
}

async function pushHoliday(holiday: WireDocument<Holiday>, assumed?: WireDocument<Holiday>) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/replication/holidays/push',
    payload: [{ ...(assumed ? { assumedMasterState: assumed } : {}), newDocumentState: holiday }],
    headers: bearer(admin),
  });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual([]);
}

function dueTimes(complaints: Iterable<Complaint>): Record<string, number> {
  return Object.fromEntries([...complaints].map((complaint) => [complaint.id, complaint.dueAt]));
}

describe('the seeded holidays', () => {
  it('follow the SKB for 2026 and count 1 January 2027 as a holiday, as a device receives them', async () => {
    const penghubung = await server.login('pupr.kaltim', 'p1');
    const pulled = (await pullAll<Holiday>(server.app, penghubung, 'holidays', 500)).documents;
    const kinds = Object.fromEntries(pulled.map((holiday) => [holiday.date, holiday.kind]));
    expect(kinds['2026-05-28']).toBe('cuti_bersama'); // Idul Adha, Thursday
    expect(kinds['2026-05-29']).toBeUndefined(); // no cuti bersama Waisak in the SKB
    expect(kinds['2026-03-20']).toBe('cuti_bersama');
    expect(kinds['2027-01-01']).toBe('libur_nasional');
    const dates2026 = pulled.filter((holiday) => holiday.date.startsWith('2026-'));
    expect(dates2026).toHaveLength(25); // 17 libur nasional + 8 cuti bersama

    // Verification of a report received Wed 30 Dec 2026: Thu 31, (Fri 1 Jan), Mon 4, Tue 5.
    const calendar = await loadWorkingCalendar(server.db, INSTANSI);
    expect(computeDueDate(Date.parse('2026-12-30T01:00:00Z'), 3, 'working', calendar)).toBe(
      endOfLocalDate('2027-01-05', OFFSET),
    );
  });
});

describe('a re-disposition to another OPD', () => {
  it('restarts the follow-up clock from the re-disposition, on the server and on the device', async () => {
    const complaints = await serverComplaints();
    const missed = [...complaints.values()].find(
      (complaint) => complaint.status === 'didisposisi' && complaint.dueAt < NOW,
    );
    if (!missed) throw new Error('the seed has no overdue disposed complaint');
    const units = (await pullAll<Unit>(server.app, admin, 'units', 100)).documents;
    const other = units.find((unit) => unit.active && unit.id !== missed.unitId)!;

    // What the workstation writes when the admin re-disposes it.
    const local = (await device.complaint(missed.id))!;
    const moved = { ...local, unitId: other.id };
    const statusChangedAt = decideClockStart(local, moved, NOW);
    await device.edit(missed.id, {
      unitId: other.id,
      statusChangedAt,
      dueAt: await expectedDueAt({ ...moved, statusChangedAt }),
    });
    await device.sync();

    const calendar = await loadWorkingCalendar(server.db, INSTANSI);
    const fullPeriod = computeDueDate(NOW, 5, 'working', calendar);
    const master = (await serverComplaints()).get(missed.id)!;
    expect(master).toMatchObject({ unitId: other.id, statusChangedAt: NOW, dueAt: fullPeriod });
    expect(master.dueAt).toBeGreaterThan(NOW);
    expect(await device.complaint(missed.id)).toMatchObject({
      unitId: other.id,
      statusChangedAt: NOW,
      dueAt: fullPeriod,
    });
  });
});

describe('a holiday added or withdrawn', () => {
  it('moves every running deadline it spans on the server and the device, keeps an offline edit, and moves back when withdrawn', async () => {
    const before = await serverComplaints();
    const holidayStart = endOfLocalDate('2026-11-24', OFFSET);
    const spanning = [...before.values()].filter(
      (complaint) =>
        runningClock(complaint) !== null &&
        complaint.dueAt > holidayStart &&
        (complaint.status === 'didisposisi' ? complaint.statusChangedAt : complaint.receivedAt) <
          holidayStart,
    );
    expect(spanning.length).toBeGreaterThan(5);
    const edited = spanning.find((complaint) => complaint.status === 'didisposisi')!;
    const priority = edited.priority === 'mendesak' ? 'rendah' : 'mendesak';

    // The device is offline with an unsynced edit while the admin adds the holiday elsewhere.
    await device.pause();
    await device.edit(edited.id, { priority });
    const holiday: WireDocument<Holiday> = {
      id: `${INSTANSI}:${ADDED_HOLIDAY}`,
      instansiId: INSTANSI,
      date: ADDED_HOLIDAY,
      name: 'Cuti bersama tambahan',
      kind: 'cuti_bersama',
      updatedAt: 0,
      serverSeq: 0,
      _deleted: false,
    };
    await pushHoliday(holiday);

    const added = await serverComplaints();
    let moved = 0;
    for (const complaint of added.values()) {
      if (runningClock(complaint) === null) continue;
      expect(complaint.dueAt, complaint.trackingNumber).toBe(await expectedDueAt(complaint));
      if (complaint.dueAt !== before.get(complaint.id)!.dueAt) {
        moved += 1;
        expect(complaint.serverSeq).toBeGreaterThan(before.get(complaint.id)!.serverSeq);
      }
    }
    expect(moved).toBe(spanning.length);

    await device.resume();
    await device.sync();
    const synced = await serverComplaints();
    expect(dueTimes(await device.complaints())).toEqual(dueTimes(synced.values()));
    expect(await device.complaint(edited.id)).toMatchObject({
      priority,
      dueAt: added.get(edited.id)!.dueAt,
    });
    expect(synced.get(edited.id)).toMatchObject({ priority, dueAt: added.get(edited.id)!.dueAt });

    // Withdrawn: every due time is back where it was.
    const master = (await pullAll<Holiday>(server.app, admin, 'holidays', 500)).documents.find(
      (document) => document.id === holiday.id,
    )!;
    await pushHoliday({ ...master, _deleted: true }, master);
    const withdrawn = await serverComplaints();
    expect(dueTimes(withdrawn.values())).toEqual(dueTimes(before.values()));
    await device.sync();
    expect(dueTimes(await device.complaints())).toEqual(dueTimes(before.values()));
  });

  it('leaves every due time as it is when only a priority is edited after a holiday was added', async () => {
    const date = '2026-11-26';
    await pushHoliday({
      id: `${INSTANSI}:${date}`,
      instansiId: INSTANSI,
      date,
      name: 'Cuti bersama tambahan',
      kind: 'cuti_bersama',
      updatedAt: 0,
      serverSeq: 0,
      _deleted: false,
    });
    const before = await serverComplaints();
    const holidayStart = endOfLocalDate('2026-11-25', OFFSET);
    const target = [...before.values()].find(
      (complaint) =>
        complaint.status === 'ditindaklanjuti' &&
        complaint.receivedAt < holidayStart &&
        complaint.dueAt > holidayStart,
    )!;
    const response = await pushComplaints(server.app, admin, [
      {
        assumedMasterState: target,
        newDocumentState: {
          ...target,
          priority: target.priority === 'tinggi' ? 'rendah' : 'tinggi',
        },
      },
    ]);
    expect(response.json()).toEqual([]);
    expect(dueTimes((await serverComplaints()).values())).toEqual(dueTimes(before.values()));
  });
});

describe('due dates stored before a holiday edit reached them', () => {
  it('are brought up to date at server start, each with a new change number', async () => {
    const before = await serverComplaints();
    const stale = [...before.values()].filter((complaint) => complaint.dueAt > 0).slice(0, 3);
    for (const complaint of stale) {
      await server.db.query(
        "UPDATE complaints SET due_at = due_at + interval '1 day' WHERE id = $1",
        [complaint.id],
      );
    }
    expect(await recomputeAllRunningDueDates(server.db)).toBe(3);
    const after = await serverComplaints();
    expect(dueTimes(after.values())).toEqual(dueTimes(before.values()));
    for (const complaint of stale)
      expect(after.get(complaint.id)!.serverSeq).toBeGreaterThan(complaint.serverSeq);
    expect(await recomputeAllRunningDueDates(server.db)).toBe(0);
  });
});
