// Articles written for the ledger tests (fictional outlets and events; no shared or copyrighted text).
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

export interface FixtureArticle {
  id?: string;
  url?: string;
  outlet: string;
  published: string;
  title: string;
  text: string;
}

const WIRE_BODY = `Air strikes on residential districts of Aleppo killed 12 people on Monday, the Syrian Observatory for Human Rights said. The Britain-based monitor said the raids hit a market and a school in the east of the city. Rescue workers were still searching the rubble late on Monday. Residents said the bombing began before dawn and went on for several hours. Medical sources said hospitals in the area were struggling to cope with the wounded. The government did not comment on the raids.`;

/**
 * A small news day about Aleppo: one wire story copied by three outlets, a second outlet with its
 * own (lower) figure from state media, a later version of one article, and a Homs report.
 */
export function aleppoDay(): FixtureArticle[] {
  return [
    { url: 'https://wire.example/aleppo-strikes', outlet: 'Example Wire', published: '2024-03-11', title: 'Air strikes kill 12 in Aleppo', text: `Air strikes kill 12 in Aleppo\n\n${WIRE_BODY}` },
    { url: 'https://levant-post.example/news/aleppo-raids?utm_source=rss', outlet: 'Levant Post', published: '2024-03-11', title: 'Raids on Aleppo market kill 12', text: `Raids on Aleppo market kill 12\n\n${WIRE_BODY} Aleppo has seen repeated raids this month.` },
    { url: 'https://coastal-herald.example/world/aleppo', outlet: 'Coastal Herald', published: '2024-03-11', title: 'Aleppo raids leave 12 dead', text: `Aleppo raids leave 12 dead\n\n${WIRE_BODY.replace('Rescue workers were still searching', 'Civil defence teams were still searching')}` },
    { url: 'https://northern-courier.example/aleppo-toll', outlet: 'Northern Courier', published: '2024-03-11', title: 'State media: five killed in Aleppo', text: `State media: five killed in Aleppo\n\nFive people were killed in Aleppo on Monday when rebel shells struck a residential street, state news agency SANA said. The agency said the shells landed near a bakery in the west of the city. It gave no figure for the wounded. Opposition groups did not comment on the report.` },
    { url: 'https://desert-daily.example/homs-blast', outlet: 'Desert Daily', published: '2024-03-12', title: 'Blast in Homs kills three', text: `Blast in Homs kills three\n\nA car bomb killed three people in the city of Homs on Tuesday, the provincial governor said. The explosion went off near a checkpoint at the entrance to the city. Security forces closed the area after the blast.` },
  ];
}

/** A later version of the Levant Post article (same URL, changed text). */
export function levantPostUpdate(): FixtureArticle {
  return { url: 'https://levant-post.example/news/aleppo-raids', outlet: 'Levant Post', published: '2024-03-11', title: 'Raids on Aleppo market kill 15', text: `Raids on Aleppo market kill 15\n\nThe death toll from air strikes on residential districts of Aleppo rose to 15 on Monday, the Syrian Observatory for Human Rights said. The Britain-based monitor said the raids hit a market and a school in the east of the city. Rescue workers were still searching the rubble late on Monday.` };
}

const TOWNS = ['Aleppo', 'Idlib', 'Homs', 'Hama', 'Raqqa', 'Deir ez-Zor', 'Daraa', 'Latakia'];
const WHAT = ['air strikes', 'shelling', 'a car bomb', 'clashes', 'a rocket attack'];
const SOURCES = ['the Syrian Observatory for Human Rights said', 'local officials said', 'a civil defence spokesman said', 'state media reported', 'medical sources said'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** n distinct articles (JSON Lines documents with ids), varied enough that none are near-duplicates. */
export function manyArticles(n: number, prefix = 'gen'): (FixtureArticle & { id: string })[] {
  const out: (FixtureArticle & { id: string })[] = [];
  for (let i = 0; i < n; i++) {
    const town = TOWNS[i % TOWNS.length]!, what = WHAT[(i * 3) % WHAT.length]!, src = SOURCES[(i * 7) % SOURCES.length]!, day = DAYS[i % 7]!;
    const killed = 2 + ((i * 37) % 90), injured = 5 + ((i * 53) % 200);
    const month = String(1 + (i % 12)).padStart(2, '0'), dom = String(1 + ((i * 5) % 27)).padStart(2, '0');
    out.push({
      id: `${prefix}-${i}`,
      outlet: ['Levant Post', 'Coastal Herald', 'Northern Courier', 'Desert Daily'][i % 4]!,
      published: `2023-${month}-${dom}`,
      title: `Report ${i}: ${what} in ${town}`,
      text: `Report number ${i} from ${town}\n\n${what[0]!.toUpperCase() + what.slice(1)} killed ${killed} people and wounded ${injured} others in ${town} on ${day}, ${src}. Witness ${i} described the scene on street ${i * 7 + 3}. The ${i % 2 ? 'northern' : 'southern'} quarter of ${town} was worst hit, and ${i % 3 ? 'schools' : 'shops'} stayed closed on the following day. Serial ${i * 7919 % 10007} of this series.`,
    });
  }
  return out;
}

export const toJsonl = (docs: FixtureArticle[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n';

/** The PostgreSQL the tests use: $SITREP_TEST_PG, else the CI one (127.0.0.1:5432, trust auth, database test). */
export const PG_BASE = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether PostgreSQL answers on its port. */
export function pgReachable(): Promise<boolean> {
  const u = new URL(PG_BASE);
  return new Promise((resolve) => {
    const s = connect({ host: u.hostname, port: Number(u.port || 5432), timeout: 1500 });
    s.on('connect', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });
}

/**
 * How a PostgreSQL test runs: a URL with a fresh schema of its own, or a reason to skip. In CI
 * (CI set) an unreachable PostgreSQL is a failure, not a skip.
 */
export async function pgForTest(name: string): Promise<{ url: string; drop: () => Promise<void> } | { skip: string }> {
  if (!(await pgReachable())) {
    if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_BASE}, and CI must run the PostgreSQL tests`);
    return { skip: `PostgreSQL not reachable at ${PG_BASE} (set SITREP_TEST_PG): PostgreSQL storage tests skipped` };
  }
  const schema = `sitrep_test_${name}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const sep = PG_BASE.includes('?') ? '&' : '?';
  return {
    url: `${PG_BASE}${sep}schema=${schema}`,
    drop: async () => {
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      try {
        await c.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Whether a command-line tool is installed (tests that need it skip without it). */
export function hasTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
