import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareNodes, nodeIdentity, type NodeView } from './entity-match.ts';

function view(id: number, name: string, type: NodeView['type'], extra: { roles?: string[]; forms?: string[]; story?: string } = {}): NodeView {
  const ident = nodeIdentity(name, type, extra.story ?? 's1');
  return { id, key: ident.key, kind: ident.kind, display: ident.display, type, roleWords: new Set(extra.roles ?? []), formKeys: new Set(extra.forms ?? []) };
}

test('a country is one node whatever form the article writes', () => {
  const keys = ['U.S.', 'US', 'United States', 'America', 'the United States'].map((n) => nodeIdentity(n, 'LOC', null).key);
  assert.deepEqual(new Set(keys), new Set(['c:USA']));
  assert.equal(nodeIdentity('Russland', 'LOC', null).key, 'c:RUS');
  assert.equal(nodeIdentity('Ukrainians', 'NORP', null).key, 'n:UKR');
  // a person is never a country, whatever the name
  assert.equal(nodeIdentity('Jordan', 'PER', 's1').kind, 'surname');
});

test('a surname alone is scoped to its story; a full name and other names are not', () => {
  assert.equal(nodeIdentity('Korvath', 'PER', 's1').key, 's:korvath@s1');
  assert.notEqual(nodeIdentity('Korvath', 'PER', 's1').key, nodeIdentity('Korvath', 'PER', 's2').key);
  assert.equal(nodeIdentity('Anselm Korvath', 'PER', 's1').key, nodeIdentity('Anselm Korvath', 'PER', 's2').key);
  // the tagger's type does not split a name: the node's type is a vote
  assert.equal(nodeIdentity('Tamsk Dam', 'PER', 's1').key, nodeIdentity('Tamsk Dam', 'ORG', 's1').key);
});

test('persons: spelling variants and typos of the surname with the same given name link; another given name does not', () => {
  const ctx = { sharedStory: false };
  assert.ok(compareNodes(view(1, 'Henrik Solvane', 'PER'), view(2, 'Henrik Solvan', 'PER'), ctx));
  assert.ok(compareNodes(view(1, 'Julia Marenko', 'PER'), view(2, 'Yulia Marenko', 'PER'), ctx));
  assert.ok(compareNodes(view(1, 'Sergei Malenkov', 'PER'), view(2, 'Sergei Malenkoff', 'PER'), ctx));
  assert.equal(compareNodes(view(1, 'Anselm Korvath', 'PER'), view(2, 'Miriam Korvath', 'PER'), ctx), undefined);
  assert.equal(compareNodes(view(1, 'Anselm Korvath', 'PER'), view(2, 'Anselm Dastevi', 'PER'), ctx), undefined);
  // different types never link
  assert.equal(compareNodes(view(1, 'Henrik Solvane', 'PER'), view(2, 'Henrik Solvan', 'ORG'), ctx), undefined);
});

test('a garbled given name links only with context: a shared role or story', () => {
  const a = view(1, 'Volodi Mar Melnyk', 'PER', { roles: ['president'] });
  const b = view(2, 'Volodymar Melnyk', 'PER', { roles: ['president'] });
  assert.ok(compareNodes(a, b, { sharedStory: false }), 'shared role');
  const c = view(3, 'Volodymar Melnyk', 'PER');
  assert.equal(compareNodes(view(1, 'Volodi Mar Melnyk', 'PER'), c, { sharedStory: false }), undefined);
  assert.ok(compareNodes(view(1, 'Volodi Mar Melnyk', 'PER'), c, { sharedStory: true }));
});

test('a surname alone joins a person of its story, elsewhere only with a shared role and one person of that surname', () => {
  const surname = view(1, 'Korvath', 'PER', { roles: ['president'] });
  const person = view(2, 'Anselm Korvath', 'PER', { roles: ['president'] });
  assert.ok(compareNodes(surname, person, { sharedStory: true }));
  assert.ok(compareNodes(surname, person, { sharedStory: false, personsWithSurname: 1 }));
  assert.equal(compareNodes(surname, person, { sharedStory: false, personsWithSurname: 2 }), undefined);
  assert.equal(compareNodes(view(1, 'Korvath', 'PER'), view(2, 'Anselm Korvath', 'PER'), { sharedStory: false, personsWithSurname: 1 }), undefined);
});

test('other names link by alias, acronym or spelling variant, with the evidence said', () => {
  const ctx = { sharedStory: false };
  const full = view(1, 'Selka Basin Commission', 'ORG', { forms: ['sbc', 'selka basin commission'] });
  const short = view(2, 'SBC', 'ORG');
  assert.match(compareNodes(full, short, ctx)!.evidence, /beside/);
  assert.match(compareNodes(view(1, 'Selka Basin Commission', 'ORG'), short, ctx)!.evidence, /acronym/);
  assert.ok(compareNodes(view(1, 'Varnhydro', 'ORG'), view(2, 'Varnhidro', 'ORG'), ctx));
  assert.equal(compareNodes(view(1, 'Varnhydro', 'ORG'), view(2, 'Kalhydro', 'ORG'), ctx), undefined);
});
