import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../../src/core/errors.js';
import { readNetworkFolder } from '../../../src/problems/network/csv-folder.js';
import { parseNetworkDocument } from '../../../src/problems/network/reader.js';
import { NetworkDocumentSchema } from '../../../src/problems/network/schema.js';
import { ROOT } from '../../helpers/fixtures.js';

const EXAMPLES = `${ROOT}docs/examples/network/`;

/** A fresh folder holding `files` (name -> text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rlnd-csv-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const csv = (...lines: string[]): string => lines.join('\n') + '\n';

/** The InputError a folder read rejects with; anything else fails the test. */
async function folderError(files: Record<string, string>): Promise<InputError> {
  return errorIn(folder(files));
}

async function errorIn(dir: string): Promise<InputError> {
  try {
    await readNetworkFolder(dir);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

/** Message of a folder's error with the temporary folder's path cut off. */
async function message(files: Record<string, string>): Promise<string> {
  const dir = folder(files);
  return (await errorIn(dir)).message.replaceAll(`${dir}/`, '');
}

const validated = (doc: unknown) => NetworkDocumentSchema.parse(doc);
const example = (name: string) => validated(parseYaml(readFileSync(`${EXAMPLES}${name}`, 'utf8')));
const MANIFEST = 'problem: network\nname: t\nproducts: [u]\n';
const NODES = csv('id,echelon,supply:u,fixedCost,demand:u', 'P,plant,10,5,', 'C,customer,,,4');

describe('CSV folder: the bundled demo', () => {
  it('csv-demo reads as the contract document plus a second customer', async () => {
    const doc = await readNetworkFolder(`${EXAMPLES}csv-demo`);
    expect(doc).toEqual({
      problem: 'network',
      name: 'csv-demo',
      products: ['u'],
      nodes: [
        { id: 'P1', echelon: 'plant', supply: { u: 300 }, fixedCost: 27022, capacity: 300 },
        { id: 'D1', echelon: 'depot', fixedCost: 9674, capacity: 104 },
        { id: 'C1', echelon: 'customer', demand: { u: 11 } },
        { id: 'C2', echelon: 'customer', demand: { u: 20 } },
      ],
      arcs: [
        { from: 'P1', to: 'D1', unitCost: 43 },
        { from: 'D1', to: 'C1', unitCost: { u: 60 } },
        { from: 'D1', to: 'C2', unitCost: 50 },
      ],
    });
    // Its first three nodes and two arcs are the contract example, word for word.
    const contract = JSON.parse(readFileSync(`${EXAMPLES}contract.json`, 'utf8'));
    const d = doc as typeof contract;
    expect({ ...d, name: 'demo', nodes: d.nodes.slice(0, 3), arcs: d.arcs.slice(0, 2) }).toEqual(contract);
  });
});

/*
 * Each YAML example written as CSV tables reads as the same validated document: the tables cover
 * every table kind and column form (per product, per period, supply/demand variants, lists).
 */
describe('CSV folder: twins of the YAML examples', () => {
  it('conversions (products.csv, conversions.csv grouped into one conversion per node and input)', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: conversions-demo\n',
      'products.csv': csv('id', 'pack', 'cell', 'L1', 'L2', 'L3'),
      'nodes.csv': csv(
        'id,echelon,supplyExactly:pack,fixedCost,demandAtLeast:L1,demandAtLeast:L2,demandAtLeast:L3',
        'D1,dealer,10,,,,',
        'DA,disassembly,,1000,,,',
        'DB,disassembly,,1500,,,',
        'S1,sorting,,,,,',
        'R1,remanufacturer,,,0,0,',
        'Y1,recycler,,,,0,0',
      ),
      'conversions.csv': csv(
        'node,from,to,rate,cost',
        'DA,pack,cell,12,5',
        'DB,pack,cell,12,2',
        'S1,cell,L1,0.5,',
        'S1,cell,L2,0.3,',
        'S1,cell,L3,0.2,',
      ),
      'arcs.csv': csv(
        'from,to,unitCost:pack,unitCost:cell,unitCost:L1,unitCost:L2,unitCost:L3',
        'D1,DA,10,,,,',
        'D1,DB,20,,,,',
        'DA,S1,,1,,,',
        'DB,S1,,1,,,',
        'S1,R1,,,2,3,',
        'S1,Y1,,,,1,4',
      ),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('conversions.yaml'));
  });

  it('metals with prices (units in products.csv, price:p, a conversion cost on one of its rows)', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: metals-profit-demo\nobjective: profit\n',
      'products.csv': csv('id,unit', 'mass,kg', 'Ni,kg', 'Mn,kg', 'Co,kg', 'residue,kg'),
      'nodes.csv': csv(
        'id,echelon,supply:mass,supplyCost:mass,fixedCost,capacity,demandAtLeast:Ni,demandAtLeast:Mn,demandAtLeast:Co,demandAtLeast:residue,price:Ni,price:Mn,price:Co,handlingCost',
        'C1,collection,1000,2,,,,,,,,,,',
        'RF1,recycling,,,3000,800,,,,,,,,',
        'M1,market,,,,,0,0,0,,200,20,300,',
        'W1,disposal,,,,,,,,0,,,,0.5',
      ),
      'conversions.csv': csv(
        'node,from,to,rate,cost',
        'RF1,mass,Ni,0.1,1',
        'RF1,mass,Mn,0.05,',
        'RF1,mass,Co,0.03,',
        'RF1,mass,residue,0.8,',
      ),
      'arcs.csv': csv(
        'from,to,unitCost:mass,unitCost:Ni,unitCost:Mn,unitCost:Co,unitCost:residue',
        'C1,RF1,0.5,,,,',
        'RF1,M1,,1,1,1,',
        'RF1,W1,,,,,0.2',
      ),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('metals-profit.yaml'));
  });

  it('multi-period inventory (field:t and field:p:t columns, inventory.csv)', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: inventory-demo\nperiods: 3\nproducts: [u]\n',
      'nodes.csv': csv(
        'id,echelon,supply:u,supplyCost:u:1,supplyCost:u:2,supplyCost:u:3,fixedCost:1,fixedCost:2,fixedCost:3,demand:u:1,demand:u:2,demand:u:3',
        'P,supplier,20,1,4,6,,,,,,',
        'W,warehouse,,,,,10,10,10,,,',
        'C,customer,,,,,,,,5,10,10',
      ),
      'inventory.csv': csv('node,product,holdingCost', 'W,u,1'),
      'arcs.csv': csv('from,to,unitCost', 'P,W,1', 'W,C,1'),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('inventory.yaml'));
  });

  it('technology options (options.csv, in row order)', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: options-demo\nproducts: [u]\n',
      'nodes.csv': csv('id,echelon,supply:u,demand:u', 'S,source,100,', 'R,processor,,', 'C,customer,,20'),
      'options.csv': csv('node,id,fixedCost,capacity', 'R,basic,100,10', 'R,advanced,250,30'),
      'arcs.csv': csv('from,to,unitCost', 'S,R,1', 'R,C,1', 'S,C,20'),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('options.yaml'));
  });

  it('groups (groups.csv with a selection by echelon, one per cluster)', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: groups-demo\nproducts: [u]\n',
      'nodes.csv': csv(
        'id,echelon,cluster,supplyExactly:u,fixedCost,demandAtLeast:u',
        'dA,dealer,A,10,,',
        'dB,dealer,B,10,,',
        'CA1,cc,A,,100,',
        'CA2,cc,A,,80,',
        'CB1,cc,B,,100,',
        'CB2,cc,B,,120,',
        'P,plant,,,,0',
      ),
      'arcs.csv': csv(
        'from,to,unitCost',
        'dA,CA1,1',
        'dA,CA2,4',
        'dB,CB1,2',
        'dB,CB2,1',
        'dB,CA1,5',
        'CA1,P,1',
        'CA2,P,1',
        'CB1,P,1',
        'CB2,P,1',
      ),
      'groups.csv': csv('name,echelon,perCluster,rule,count', 'one CC per cluster,cc,true,exactly,1'),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('groups.yaml'));
  });

  it('arc rules with coordinates (arc-rules.csv; distance stays in the manifest)', async () => {
    const dir = folder({
      'network.yaml':
        'problem: network\nname: arc-rules-demo\nproducts: [u]\ndistance: {metric: haversine, circuity: 1.2}\n',
      'nodes.csv': csv(
        'id,echelon,lat,lon,supplyExactly:u,fixedCost,demandAtLeast:u',
        'D1,dealer,0,0,10,,',
        'D2,dealer,2,0,10,,',
        'K1,cc,0.5,0,,500,',
        'K2,cc,1.5,0,,450,',
        'P,plant,1,0,,,0',
      ),
      'arc-rules.csv': csv('from,to,unitCost,costPerKm', 'dealer,cc,,0.1', 'cc,plant,0,'),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('arc-rules.yaml'));
  });

  it('single source (a yes/no column)', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: single-source-demo\nproducts: [u]\n',
      'nodes.csv': csv(
        'id,echelon,supply:u,demand:u,singleSource',
        'S1,supplier,20,,',
        'S2,supplier,30,,',
        'C1,customer,,25,yes',
        'C2,customer,,10,',
      ),
      'arcs.csv': csv('from,to,unitCost', 'S1,C1,1', 'S2,C1,3', 'S1,C2,2', 'S2,C2,2'),
    });
    expect(validated(await readNetworkFolder(dir))).toEqual(example('single-source.yaml'));
  });
});

describe('CSV folder: the other column forms', () => {
  it('echelons.csv, echelon conversions, per-product capacity, supply variants, demand bounds, lists, tables in the manifest', async () => {
    const dir = folder({
      'network.json': JSON.stringify({
        problem: 'network',
        name: 't',
        periods: 2,
        tables: {
          nodes: 'sites.csv',
          echelons: 'defaults.csv',
          conversions: 'conv.csv',
          arcs: 'lanes.csv',
          products: 'products.csv',
        },
      }),
      'products.csv': csv('id,massKg,productGroups', 'a,2,g', 'b,,g;h', 'c,,'),
      'sites.csv': csv(
        'id,echelon,name,supply:a,supplyUpTo:b,supplyExactly:c,demandAtLeast:g,demandAtMost:g,capacity:a,capacity:b:1,capacity:b:2,x,y',
        '1,src,"Plant, north",unlimited,5,3,,,,,,0,0',
        'K,mid,,,,,,,7,1,2,1.5,-2',
        'Z,sink,,,,,1,9,,,,,',
      ),
      'defaults.csv': csv('echelon,fixedCost:1,fixedCost:2,handlingCost:a', 'mid,3,4,0.5'),
      'conv.csv': csv('echelon,from,to,rate:1,rate:2,emission', 'mid,a,b,1,0.5,2', 'mid,a,c,0.1,0.1,2'),
      'lanes.csv': csv('from,to,km,costPerKm,products,capacity', '1,K,12,0.25,a;c,100', 'K,Z,3,1,,'),
    });
    expect(await readNetworkFolder(dir)).toEqual({
      problem: 'network',
      name: 't',
      periods: 2,
      products: [{ id: 'a', massKg: 2 }, 'b', 'c'],
      productGroups: { g: ['a', 'b'], h: ['b'] },
      nodes: [
        {
          id: '1',
          echelon: 'src',
          name: 'Plant, north',
          x: 0,
          y: 0,
          supply: { a: 'unlimited', b: { upTo: 5 }, c: { exactly: 3 } },
        },
        { id: 'K', echelon: 'mid', x: 1.5, y: -2, capacity: { a: 7, b: [1, 2] } },
        { id: 'Z', echelon: 'sink', demand: { g: { atLeast: 1, atMost: 9 } } },
      ],
      echelonDefaults: {
        mid: {
          fixedCost: [3, 4],
          handlingCost: { a: 0.5 },
          conversions: [{ from: 'a', to: { b: [1, 0.5], c: [0.1, 0.1] }, emission: 2 }],
        },
      },
      arcs: [
        { from: '1', to: 'K', km: 12, costPerKm: 0.25, products: ['a', 'c'], capacity: 100 },
        { from: 'K', to: 'Z', km: 3, costPerKm: 1 },
      ],
    });
  });

  it('an option-level conversion and a group listing members', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: t\nproducts: [u, v]\n',
      'nodes.csv': csv('id,echelon', 'A,x', 'B,x'),
      'options.csv': csv('node,id,fixedCost,products', 'A,o1,5,u'),
      'conversions.csv': csv('node,option,from,to,rate', 'A,o1,u,v,2', 'B,,u,v,3'),
      'groups.csv': csv('members,rule,count', 'A;B,atMost,1'),
    });
    const doc = (await readNetworkFolder(dir)) as { nodes: unknown[]; groups: unknown[] };
    expect(doc.nodes).toEqual([
      {
        id: 'A',
        echelon: 'x',
        options: [{ id: 'o1', fixedCost: 5, products: ['u'], conversions: [{ from: 'u', to: { v: 2 } }] }],
      },
      { id: 'B', echelon: 'x', conversions: [{ from: 'u', to: { v: 3 } }] },
    ]);
    expect(doc.groups).toEqual([{ members: ['A', 'B'], rule: 'atMost', count: 1 }]);
  });
});

describe('CSV folder: errors name file, row and column', () => {
  it('a bad number', async () => {
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,fixedCost', 'P,plant,1', 'Q,plant,abc') }),
    ).toBe('nodes.csv: row 3, column fixedCost: a number >= 0, got "abc"');
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,fixedCost', 'P,plant,-1') })).toBe(
      'nodes.csv: row 2, column fixedCost: a number >= 0, got "-1"',
    );
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,fixedCost', 'P,plant,"27,022"') }),
    ).toContain('got "27,022"');
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,lat', 'P,plant,91') })).toBe(
      'nodes.csv: row 2, column lat: a latitude in [-90, 90], got "91"',
    );
  });

  it('rows are counted as a spreadsheet shows them (comment and blank lines included)', async () => {
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': 'id,echelon,fixedCost\n# a comment\n\nP,plant,x\n' }),
    ).toBe('nodes.csv: row 4, column fixedCost: a number >= 0, got "x"');
  });

  it('an unknown column, with the nearest known name', async () => {
    const m = await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,fixdCost', 'P,plant,1') });
    expect(m).toMatch(/^nodes\.csv: row 1, column fixdCost: a known column \(did you mean fixedCost\?\)/);
  });

  it('an unknown product in a column name', async () => {
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,supply:uu', 'P,plant,1') })).toMatch(
      /^nodes\.csv: row 1, column supply:uu: a product id after "supply:", got "uu" \(did you mean u\?\)/,
    );
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,fixedCost:u', 'P,plant,1') }),
    ).toMatch(/column fixedCost:u: a period number 1\.\.1/);
  });

  it('per-period columns: the period range, every period, all or none per row, not with the plain column', async () => {
    const m3 = 'problem: network\nname: t\nperiods: 3\nproducts: [u]\n';
    expect(await message({ 'network.yaml': m3, 'nodes.csv': csv('id,echelon,fixedCost:4', 'P,plant,1') })).toMatch(
      /^nodes\.csv: row 1, column fixedCost:4: a period number 1\.\.3/,
    );
    expect(
      await message({ 'network.yaml': m3, 'nodes.csv': csv('id,echelon,fixedCost:1,fixedCost:2', 'P,plant,1,2') }),
    ).toMatch(/^nodes\.csv: row 1: a column fixedCost:3/);
    expect(
      await message({
        'network.yaml': m3,
        'nodes.csv': csv('id,echelon,demand:u:1,demand:u:2,demand:u:3', 'P,plant,1,,3'),
      }),
    ).toMatch(/^nodes\.csv: row 2, column demand:u:2: a value \(the other periods/);
    expect(
      await message({
        'network.yaml': m3,
        'nodes.csv': csv('id,echelon,fixedCost,fixedCost:1,fixedCost:2,fixedCost:3', 'P,plant,5,1,2,3'),
      }),
    ).toMatch(/^nodes\.csv: row 2, column fixedCost: one value or one per period, not both/);
    // Different rows may use different forms.
    const dir = folder({
      'network.yaml': m3,
      'nodes.csv': csv('id,echelon,fixedCost,fixedCost:1,fixedCost:2,fixedCost:3', 'P,plant,5,,,', 'Q,plant,,1,2,3'),
    });
    expect(
      ((await readNetworkFolder(dir)) as { nodes: { fixedCost: unknown }[] }).nodes.map((n) => n.fixedCost),
    ).toEqual([5, [1, 2, 3]]);
  });

  it('one value for every product or values per product in a row, one kind of amount per product', async () => {
    const m = 'problem: network\nname: t\nproducts: [u, v]\n';
    expect(
      await message({ 'network.yaml': m, 'nodes.csv': csv('id,echelon,capacity,capacity:u', 'P,plant,5,3') }),
    ).toMatch(/^nodes\.csv: row 2, column capacity: one value for every product or values per product/);
    expect(
      await message({ 'network.yaml': m, 'nodes.csv': csv('id,echelon,demand:u,demandAtLeast:u', 'P,plant,5,3') }),
    ).toMatch(/^nodes\.csv: row 2, column demandAtLeast:u: one kind of amount per product/);
    expect(
      await message({ 'network.yaml': m, 'nodes.csv': csv('id,echelon,supplyExactly:u', 'P,plant,unlimited') }),
    ).toBe('nodes.csv: row 2, column supplyExactly:u: a number >= 0, got "unlimited"');
  });

  it('required columns and values, yes/no cells, lists, words', async () => {
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,fixedCost', 'P,1') })).toBe(
      'nodes.csv: row 1: a column echelon (required in this table)',
    );
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon', ',plant') })).toBe(
      'nodes.csv: row 2, column id: a value (required)',
    );
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,singleSource', 'P,plant,maybe') }),
    ).toBe('nodes.csv: row 2, column singleSource: true or false, got "maybe"');
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'groups.csv': csv('members,rule,count', 'P;;C,atMost,1'),
      }),
    ).toMatch(/^groups\.csv: row 2, column members: ids separated by ";"/);
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'groups.csv': csv('members,rule,count', 'P,most,1'),
      }),
    ).toBe('groups.csv: row 2, column rule: one of exactly, atMost, atLeast, got "most"');
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'groups.csv': csv('members,rule,count', 'P,atMost,1.5'),
      }),
    ).toBe('groups.csv: row 2, column count: an integer >= 0, got "1.5"');
  });

  it('ids a row names must exist (nearest suggested)', async () => {
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': NODES, 'arcs.csv': csv('from,to,unitCost', 'P,CC,1') }),
    ).toBe('arcs.csv: row 2, column to: a node id, got "CC" (did you mean C?)');
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'arc-rules.csv': csv('from,to,unitCost', 'plant,custmer,1'),
      }),
    ).toBe('arc-rules.csv: row 2, column to: an echelon of some node, got "custmer" (did you mean customer?)');
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': NODES, 'options.csv': csv('node,id,fixedCost', 'Q,o,1') }),
    ).toMatch(/^options\.csv: row 2, column node: a node id, got "Q"/);
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': NODES, 'inventory.csv': csv('node,product', 'P,w') }),
    ).toMatch(/^inventory\.csv: row 2, column product: a product id, got "w" \(did you mean u\?\)/);
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'groups.csv': csv('echelon,rule,count', 'plnt,atMost,1'),
      }),
    ).toMatch(/^groups\.csv: row 2, column echelon: an echelon of some node, got "plnt" \(did you mean plant\?\)/);
  });

  it('conversion rows: exactly one of node / echelon, one cost per conversion, each output once', async () => {
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'conversions.csv': csv('node,echelon,from,to,rate', 'P,plant,u,u,1'),
      }),
    ).toBe('conversions.csv: row 2: a node or an echelon (exactly one of the two columns filled)');
    const two = 'problem: network\nname: t\nproducts: [u, v, w]\n';
    expect(
      await message({
        'network.yaml': two,
        'nodes.csv': NODES.replace(/:u/g, ':u'),
        'conversions.csv': csv('node,from,to,rate,cost', 'P,u,v,1,2', 'P,u,w,1,3'),
      }),
    ).toMatch(/^conversions\.csv: row 3, column cost: the same cost on every row of the conversion u/);
    expect(
      await message({
        'network.yaml': two,
        'nodes.csv': NODES,
        'conversions.csv': csv('node,from,to,rate', 'P,u,v,1', 'P,u,v,2'),
      }),
    ).toMatch(/^conversions\.csv: row 3, column to: each output once/);
  });

  it('table rows: duplicates, extra cells, duplicate columns', async () => {
    expect(
      await message({
        'network.yaml': MANIFEST,
        'nodes.csv': NODES,
        'options.csv': csv('node,id,fixedCost', 'P,o,1', 'P,o,2'),
      }),
    ).toMatch(/^options\.csv: row 3, column id: an option id used once per node/);
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon', 'P,plant,9') })).toMatch(
      /^nodes\.csv: row 2: at most 2 cells/,
    );
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,id', 'P,plant,9') })).toMatch(
      /^nodes\.csv: row 1, column id: a column named once/,
    );
    expect(
      await message({ 'network.yaml': MANIFEST, 'nodes.csv': csv('id,echelon,supply:u,supply: u', 'P,plant,9,8') }),
    ).toBe('nodes.csv: row 1, column supply: u: one column per value (column supply:u is the same value)');
    expect(await message({ 'network.yaml': MANIFEST, 'nodes.csv': 'id,echelon\n"P,plant\n' })).toMatch(
      /^nodes\.csv: row \d+: Quote Not Closed/,
    );
  });

  it('the folder: one manifest, known table names, one place per field', async () => {
    expect((await folderError({ 'nodes.csv': NODES })).message).toMatch(
      /: manifest: a manifest file network\.yaml or network\.yml or network\.json in the folder$/,
    );
    expect((await folderError({ 'network.yaml': MANIFEST, 'network.json': '{}', 'nodes.csv': NODES })).message).toMatch(
      /one manifest, got network\.yaml and network\.json/,
    );
    expect(await message({ 'network.yaml': MANIFEST, 'node.csv': NODES })).toMatch(
      /^node\.csv: file name: a known table name \(did you mean nodes\.csv\?\)/,
    );
    expect(await message({ 'network.yaml': `${MANIFEST}tables: {nodez: a.csv}\n`, 'a.csv': NODES })).toMatch(
      /^network\.yaml: tables\.nodez: a known table \(did you mean nodes\?\)/,
    );
    expect(
      await message({ 'network.yaml': `${MANIFEST}nodes: [{id: P, echelon: plant}]\n`, 'nodes.csv': NODES }),
    ).toMatch(/^network\.yaml: nodes: no 'nodes' here: .*nodes\.csv gives it/);
    expect(await message({ 'network.yaml': 'problem: network\nname: [t\n', 'nodes.csv': NODES })).toMatch(
      /^network\.yaml: YAML syntax/,
    );
  });

  it('a manifest field the schema rejects is left to the reader, which names the key', async () => {
    const dir = folder({
      'network.yaml': 'problem: network\nname: t\nproducts: [u]\nperiods: 0\n',
      'nodes.csv': NODES,
    });
    const doc = await readNetworkFolder(dir);
    expect(() => parseNetworkDocument(doc, dir)).toThrow(/: periods: /);
  });
});

describe('a CSV folder through the worker pool', () => {
  it('rlnd solve <folder> --method ga --threads 2 prices designs in workers (the folder is sent as its document)', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(
      'node',
      [
        `${ROOT}bin/rlnd.js`,
        'solve',
        `${ROOT}docs/examples/network/csv-demo`,
        '--method',
        'ga',
        '--threads',
        '2',
        '--time-limit',
        '10',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).objective).toBe(39_689);
  });
});
