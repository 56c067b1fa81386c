import type { APIRequestContext } from '@playwright/test';
import type { PullResponse, SessionResponse, WireDocument } from '../../shared/api/contract.ts';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { Holiday } from '../../shared/schemas/holiday.ts';
import { runningClock } from '../../shared/deadline/sla-rules.ts';
import { localDateOf } from '../../shared/deadline/working-calendar.ts';
import { DEMO_INSTANSI, DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';

async function adminSession(request: APIRequestContext): Promise<SessionResponse> {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'e2e-holiday-years' },
  });
  return (await login.json()) as SessionResponse;
}

async function pullEverything<T>(
  request: APIRequestContext,
  session: SessionResponse,
  collection: string,
): Promise<WireDocument<T>[]> {
  const documents: WireDocument<T>[] = [];
  let checkpoint = { seq: 0 };
  for (;;) {
    const response = await request.get(`/api/replication/${collection}/pull`, {
      params: { checkpoint: JSON.stringify(checkpoint), limit: '1000' },
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const page = (await response.json()) as PullResponse<T>;
    documents.push(...page.documents);
    if (page.documents.length < 1000 || !page.checkpoint) return documents;
    checkpoint = page.checkpoint;
  }
}

async function pushHolidays(
  request: APIRequestContext,
  session: SessionResponse,
  rows: { assumedMasterState: WireDocument<Holiday>; newDocumentState: WireDocument<Holiday> }[],
) {
  const response = await request.post('/api/replication/holidays/push', {
    data: rows,
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual([]);
}

test('the admin is warned in the status bar and on the Administrasi page when running deadlines reach a year with no holidays', async ({
  browser,
  request,
}) => {
  const session = await adminSession(request);
  // The year the furthest running deadline reaches; its holidays are withdrawn for the test.
  const complaints = await pullEverything<Complaint>(request, session, 'complaints');
  const latestDue = Math.max(
    ...complaints.filter((complaint) => runningClock(complaint)).map((c) => c.dueAt),
  );
  const year = localDateOf(latestDue, DEMO_INSTANSI.utcOffsetMinutes).slice(0, 4);
  const ofYear = (await pullEverything<Holiday>(request, session, 'holidays')).filter(
    (holiday) => !holiday._deleted && holiday.date.startsWith(`${year}-`),
  );
  expect(ofYear.length).toBeGreaterThan(0);
  await pushHolidays(
    request,
    session,
    ofYear.map((holiday) => ({
      assumedMasterState: holiday,
      newDocumentState: { ...holiday, _deleted: true },
    })),
  );

  try {
    const { page } = await signIn(browser, 'admin.kaltim');
    const warning = page.getByTestId('holiday-years-warning');
    await expect(warning).toHaveText(`Hari libur ${year} belum diisi`);
    await page.screenshot({ path: 'test-results/holiday-years-status-bar.png' });

    await warning.click();
    const adminWarning = page.getByTestId('admin-holiday-years-warning');
    await expect(adminWarning).toContainText(`Hari libur tahun ${year} belum diisi`);
    await expect(page.getByTestId('admin-section-holidays')).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.locator('#holiday-year')).toHaveValue(year);
    await expect(page.getByText(`Belum ada hari libur untuk tahun ${year}.`)).toBeVisible();
    await page.screenshot({ path: 'test-results/holiday-years-administration.png' });

    // Entered again (here through the server): the warning goes on the device, live.
    const removed = (await pullEverything<Holiday>(request, session, 'holidays')).filter(
      (holiday) => holiday._deleted && ofYear.some((entry) => entry.id === holiday.id),
    );
    await pushHolidays(
      request,
      session,
      removed.map((holiday) => ({
        assumedMasterState: holiday,
        newDocumentState: { ...holiday, _deleted: false },
      })),
    );
    await expect(adminWarning).toBeHidden();
    await expect(warning).toBeHidden();
  } finally {
    // Leave the server's holidays as they were for the other tests, whatever happened above.
    const now = await pullEverything<Holiday>(request, session, 'holidays');
    const stillRemoved = now.filter(
      (holiday) => holiday._deleted && ofYear.some((entry) => entry.id === holiday.id),
    );
    if (stillRemoved.length > 0) {
      await pushHolidays(
        request,
        session,
        stillRemoved.map((holiday) => ({
          assumedMasterState: holiday,
          newDocumentState: { ...holiday, _deleted: false },
        })),
      );
    }
  }
});
