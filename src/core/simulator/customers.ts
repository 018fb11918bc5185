// The simulator's customers: every documented response form, for tests and the demo.
import { Fault } from './faults';
import { VettingTimeline } from './vettingTimeline';

export interface SimulatedCustomer {
  readonly tenantId: string;
  readonly name: string;
  readonly domain?: string;
  /** relationshipToPartner (default "reseller"). */
  readonly relationship?: string;
  /** Entries exactly as the service would send them (any key case, either date name). */
  qualifications: Record<string, unknown>[];
  /** `array` (current docs) or `wrapped` ({qualifications: [...]}, the source document). */
  readonly shape?: 'array' | 'wrapped';
  fault?: Fault;
  /** The vetting changes over time (see vettingTimeline.ts). */
  vettingTimeline?: VettingTimeline;
}

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A customer id that follows the demo set, for generated bulk customers. */
export const customerId = (n: number) => id(n);

export const DEMO_TENANTS = {
  approved: id(1),
  inReview: id(2),
  denied: id(3),
  stateOwnedGcc: id(4),
  none: id(5),
  noneEntry: id(6),
  unknownStatus: id(7),
  wrappedPascal: id(8),
  nonprofit: id(9),
  noRelationship: id(10),
  notFound: id(11),
  flaky: id(12),
  malformed: id(13),
} as const;

export function demoCustomers(): SimulatedCustomer[] {
  const t = DEMO_TENANTS;
  return [
    { tenantId: t.approved, name: 'Contoso University', domain: 'contoso.edu', qualifications: [{ qualification: 'Education', vettingStatus: 'Approved', vettingCreateDate: '2026-09-03T10:37:38.885Z' }] },
    { tenantId: t.inReview, name: 'Fabrikam School District', domain: 'fabrikam-k12.org', qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-27T08:12:00Z' }] },
    { tenantId: t.denied, name: 'Northwind Traders', domain: 'northwind.com', qualifications: [{ qualification: 'Education', vettingStatus: 'Denied', vettingReason: 'Not an Academic Domain', vettingCreatedDate: '2026-10-14T16:20:05Z' }] },
    {
      tenantId: t.stateOwnedGcc, name: 'City of Tailspin', domain: 'tailspin.gov',
      qualifications: [{ qualification: 'StateOwnedEntity' }, { qualification: 'GovernmentCommunityCloud', vettingStatus: 'Approved', vettingCreateDate: '2026-06-30T12:00:00Z' }],
    },
    { tenantId: t.none, name: 'Adventure Works', domain: 'adventure-works.com', qualifications: [] },
    { tenantId: t.noneEntry, name: 'Litware', domain: 'litware.com', qualifications: [{ qualification: 'None' }] },
    { tenantId: t.unknownStatus, name: 'Wide World Importers', domain: 'wideworldimporters.com', qualifications: [{ qualification: 'Education', vettingStatus: 'PendingDocuments', vettingCreateDate: '2026-11-20T09:00:00Z' }] },
    {
      tenantId: t.wrappedPascal, name: 'Woodgrove Academy', domain: 'woodgrove.edu', shape: 'wrapped',
      qualifications: [{ Qualification: 'education', VettingStatus: 'approved', VettingCreateDate: '2025-02-11T11:11:11Z' }],
    },
    { tenantId: t.nonprofit, name: 'Humongous Insurance Foundation', domain: 'humongous.org', qualifications: [{ qualification: 'Nonprofit', vettingStatus: 'Approved', vettingCreateDate: '2026-01-05T00:00:00Z' }] },
    { tenantId: t.noRelationship, name: 'Proseware (former customer)', qualifications: [], fault: { fault: 'no-relationship' } },
    { tenantId: t.notFound, name: 'Deleted tenant', qualifications: [], fault: { fault: 'tenant-not-found' } },
    { tenantId: t.flaky, name: 'Tailwind Traders', domain: 'tailwind.com', qualifications: [{ qualification: 'Education', vettingStatus: 'Approved', vettingCreateDate: '2026-03-01T00:00:00Z' }], fault: { fault: 'server-error', status: 503, times: 2 } },
    { tenantId: t.malformed, name: 'Margie\'s Travel', qualifications: [], fault: { fault: 'malformed-json' } },
  ];
}

export const TIMELINE_TENANTS = { turnsApproved: id(20), turnsDenied: id(21) } as const;

/** For the demo: two customers In Review whose verdict comes a minute or two after the first sign-in. */
export function timelineCustomers(): SimulatedCustomer[] {
  const t = TIMELINE_TENANTS;
  return [
    {
      tenantId: t.turnsApproved, name: 'Alpine Ski House Academy', domain: 'alpineskihouse.edu',
      qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-28T09:30:00Z' }],
      vettingTimeline: { qualification: 'Education', startsOn: 'sign-in', steps: [{ afterMs: 60_000, status: 'Approved' }] },
    },
    {
      tenantId: t.turnsDenied, name: 'Lamna Healthcare', domain: 'lamnahealthcare.com',
      qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-28T10:05:00Z' }],
      vettingTimeline: { qualification: 'Education', startsOn: 'sign-in', steps: [{ afterMs: 120_000, status: 'Denied', reason: 'Not an Education Customer' }] },
    },
  ];
}

const IMPORTABLE: [name: string, domain: string, status?: string][] = [
  ['Bellows College', 'bellowscollege.edu', 'Approved'], ['Coho Winery', 'cohowinery.com'], ['Consolidated Messenger', 'consolidatedmessenger.com'],
  ['Fourth Coffee', 'fourthcoffee.com'], ['Graphic Design Institute', 'graphicdesigninstitute.edu', 'InReview'], ['Lucerne Publishing', 'lucernepublishing.com'],
  ['Relecloud', 'relecloud.com'], ['Trey Research', 'treyresearch.net'], ['VanArsdel', 'vanarsdel.com'], ['Wingtip Toys', 'wingtiptoys.com'],
  ['Blue Yonder Airlines', 'blueyonderairlines.com'], ['Contoso Pharmaceuticals', 'contosopharma.com'], ['Datum Corporation', 'adatum.com'],
  ['Fabrikam Community College', 'fabrikam-cc.edu', 'Approved'], ['Southridge Video', 'southridgevideo.com'], ['Tailspin Toys', 'tailspintoys.com'],
  ['Woodgrove Bank', 'woodgrovebank.com'], ['Wide World University', 'wideworld.edu', 'InReview'], ['Northwind Academy', 'northwindacademy.edu', 'Approved'],
  ['Litware Middle School', 'litware-ms.org', 'InReview'], ['Proseware Learning', 'prosewarelearning.edu', 'Approved'], ['Alpine Ski House', 'alpineskihouse.com'],
  ['City Power & Light', 'citypowerlight.com'], ['Munson\'s Pickles and Preserves Farm', 'munsonspickles.com'], ['Nod Publishers', 'nodpublishers.com'],
];

/**
 * Customers the demo workspace does not list: Import and Look Up have something to find (some schools
 * Approved or In Review for Education, most without a qualification).
 */
export function importableCustomers(): SimulatedCustomer[] {
  return IMPORTABLE.map(([name, domain, status], i) => ({
    tenantId: id(0x40 + i), name, domain,
    qualifications: status ? [{ qualification: 'Education', vettingStatus: status, vettingCreateDate: '2026-10-01T00:00:00Z' }] : [],
  }));
}

/** What the demo's workspace lists: the demo customers and the two with a scripted verdict. */
export function demoWorkspaceCustomers(): SimulatedCustomer[] {
  return [...demoCustomers(), ...timelineCustomers()];
}

/** The demo simulator's whole directory: what the workspace lists, and 25 more to import. */
export function demoDirectory(): SimulatedCustomer[] {
  return [...demoWorkspaceCustomers(), ...importableCustomers()];
}

/** `count` plain customers (Education approved/in review/denied in turn) for bulk runs and benchmarks. */
export function bulkCustomers(count: number, startAt = 100_000): SimulatedCustomer[] {
  const statuses = ['Approved', 'InReview', 'Denied'];
  return Array.from({ length: count }, (_, i) => ({
    tenantId: id(startAt + i),
    name: `Customer ${i + 1}`,
    domain: `customer${i + 1}.onmicrosoft.com`,
    qualifications: [{ qualification: 'Education', vettingStatus: statuses[i % 3], vettingCreateDate: '2026-11-01T00:00:00Z' }],
  }));
}

const WORDS = ['Alpine', 'Bellows', 'Blue Yonder', 'Coho', 'Consolidated', 'Fourth Coffee', 'Graphic Design', 'Lucerne', 'Northwind', 'Proseware', 'Relecloud', 'Trey', 'VanArsdel', 'Wingtip', 'Woodgrove', 'Lamna'];
const KINDS = ['Academy', 'College', 'Schools', 'Health', 'Traders', 'Bank', 'Publishing', 'Foundation'];

/**
 * A synthetic customer directory of any size (distinct names and domains, e.g. "Lucerne College 417",
 * lucerne-college-417.onmicrosoft.com) for paging, search and benchmarks; qualifications as bulkCustomers.
 */
export function directoryCustomers(count: number, startAt = 500_000): SimulatedCustomer[] {
  return bulkCustomers(count, startAt).map((c, i) => {
    const name = `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]} ${i + 1}`;
    return { ...c, name, domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.onmicrosoft.com` };
  });
}
