import { describe, expect, it } from 'vitest';
import { sampleAccount, sampleToken } from '../sample';
import { dashboardHref, parseDashboardQuery } from './dashboard-query';

const alice = sampleAccount(1);
const T1 = sampleToken(1);
const T2 = sampleToken(2);

const parse = (q: string) => parseDashboardQuery(new URLSearchParams(q), 'local');
const errors = (q: string) => {
  const r = parse(q);
  if (r.ok) throw new Error(`expected errors for ${q}`);
  return r.fieldErrors;
};

describe('the dashboard URL', () => {
  it('turns every parameter into the filter and the page', () => {
    const r = parse(
      `address=${alice}&role=approver,funder&status=disputed&status=funding&kind=multi&token=${T1}&from=2026-01-01&to=2026-01-31&q=+logo+&sort=amount&order=asc&after=abc`,
    );
    expect(r).toMatchObject({
      ok: true,
      filter: {
        network: 'local',
        address: alice,
        roles: ['approver', 'funder'],
        statuses: ['disputed', 'funding'],
        kinds: ['multi'],
        tokens: [T1],
        createdFrom: new Date('2026-01-01T00:00:00Z'),
        // "to" is inclusive: the filter ends at the next midnight.
        createdTo: new Date('2026-02-01T00:00:00Z'),
        search: 'logo',
      },
      page: { sort: 'amount', order: 'asc', cursor: 'abc', before: null },
    });
  });

  it('takes the defaults and treats blank fields (an untouched form) as absent', () => {
    const r = parse(`address=${alice}&role=&status=&kind=&token=&from=&to=&q=&sort=&order=`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.filter).toEqual({ network: 'local', address: alice });
    expect(r.page).toEqual({ sort: 'created', order: 'desc', cursor: null, before: null });
  });

  it('reads Next’s searchParams objects too (repeated values as arrays)', () => {
    const r = parseDashboardQuery({ address: alice, status: ['released', 'resolved'], q: undefined }, 'local');
    expect(r.ok && r.filter.statuses).toEqual(['released', 'resolved']);
  });

  it('answers bad values with a sentence per field, never an exception', () => {
    expect(errors('')).toHaveProperty('address');
    expect(errors(`address=GABC`).address![0]).toMatch(/./);
    expect(errors(`address=${alice}&status=done`).status).toEqual([
      'Unknown status “done”: use funding, in_progress, disputed, released, resolved, refunding',
    ]);
    expect(errors(`address=${alice}&role=boss`).role![0]).toMatch(/^Unknown role “boss”/);
    expect(errors(`address=${alice}&kind=triple`).kind![0]).toMatch(/^Unknown kind/);
    expect(errors(`address=${alice}&token=USDC`).token![0]).toMatch(/contract address/);
    expect(errors(`address=${alice}&from=01/02/2026`).from).toEqual(['A date like 2026-12-01']);
    expect(errors(`address=${alice}&to=2026-02-30`).to).toEqual(['No such day']);
    expect(errors(`address=${alice}&from=2026-03-01&to=2026-01-01`).to).toEqual([
      'The start of the period must come before its end',
    ]);
    expect(errors(`address=${alice}&q=${'x'.repeat(101)}`).q).toEqual(['Search for at most 100 characters']);
    expect(errors(`address=${alice}&sort=title`).sort).toEqual(['Sort by created or amount']);
    expect(errors(`address=${alice}&order=up`).order).toEqual(['Order asc or desc']);
    expect(errors(`address=${alice}&after=a&before=b`).before).toEqual(['A page link names one side, not both']);
    expect(errors(`address=${alice}&address=${alice}`).address).toEqual(['Give address once']);
    expect(errors(`address=${alice}&after=${'x'.repeat(201)}`).after![0]).toMatch(/broken/);
    expect(Object.keys(errors(`address=${alice}&${Array(21).fill(`token=${T1}`).join('&')}`))).toEqual(['token']);
  });

  it('writes links back that parse to the same query, leaving defaults out', () => {
    const r = parse(`address=${alice}&status=disputed,funding&token=${T1}&token=${T2}&q=a b&sort=amount&to=2026-05-01`);
    if (!r.ok) throw new Error('parse');
    const href = dashboardHref(r.query);
    expect(href).toBe(
      `/escrows?address=${alice}&status=disputed%2Cfunding&token=${T1}%2C${T2}&to=2026-05-01&q=a+b&sort=amount`,
    );
    const again = parse(href.split('?')[1]!);
    expect(again.ok && again.query).toEqual(r.query);
    expect(dashboardHref(r.query, { after: 'c1', sort: 'created' }, '/escrows/export')).toBe(
      `/escrows/export?address=${alice}&status=disputed%2Cfunding&token=${T1}%2C${T2}&to=2026-05-01&q=a+b&after=c1`,
    );
    expect(dashboardHref({})).toBe('/escrows');
  });
});
