import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, readInline } from './inline-gold.ts';
import { parseTimeML } from './tempeval.ts';
import { parseWikiWars, timex2Value } from './wikiwars.ts';

test('TimeML: the DCT, the plain text of <TEXT> without tags and with entities decoded, gold spans into it', () => {
  const xml = `<?xml version="1.0" ?><TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t9" type="DATE" value="2013">this</TIMEX3></TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> it would wait <TIMEX3 tid="t2" type="DURATION" value="P1M" mod="APPROX">about a month</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>`;
  const doc = parseTimeML(xml, 'x');
  assert.equal(doc.dct, '2013-03-22');
  assert.equal(doc.text, '\nAT&T said Friday it would wait about a month.\n');
  assert.deepEqual(
    doc.gold.map((g) => [doc.text.slice(g.start, g.end), g.type, g.value, g.mod]),
    [['Friday', 'DATE', '2013-03-22', undefined], ['about a month', 'DURATION', 'P1M', 'APPROX']],
  );
});

test('TimeML: a document without <TEXT> or with a TIMEX3 of no known type is refused with its id', () => {
  assert.throws(() => parseTimeML('<TimeML></TimeML>', 'doc-a'), /doc-a: no <TEXT>/);
  assert.throws(() => parseTimeML('<TEXT><TIMEX3 value="1">x</TIMEX3></TEXT>', 'doc-b'), /doc-b: TIMEX3/);
});

test('WikiWars: nested TIMEX2 are all gold, with their depth; a missing val leaves the value absent', () => {
  const xml = `<DOC><DATETIME> <TIMEX2 val="2009-12-19T17:00:00">2009-12-19T17:00:00</TIMEX2> </DATETIME>
<TEXT>In <TIMEX2 val="P10M" anchor_val="1915">the first ten months of <TIMEX2 val="1915">1915</TIMEX2></TIMEX2>, and <TIMEX2 val="1939-09" mod="END">late September</TIMEX2> &amp; <TIMEX2>that time</TIMEX2>.</TEXT></DOC>`;
  const doc = parseWikiWars(xml, 'w');
  assert.equal(doc.dct, '2009-12-19T17:00:00');
  assert.equal(doc.text, 'In the first ten months of 1915, and late September & that time.');
  assert.deepEqual(
    doc.gold.map((g) => [g.text, g.value, g.mod, g.depth]),
    [
      ['the first ten months of 1915', 'P10M', undefined, 0],
      ['1915', '1915', undefined, 1],
      ['late September', '1939-09', 'END', 0],
      ['that time', undefined, undefined, 0],
    ],
  );
});

test('TIMEX2 duration units of decades, centuries and millennia read as years; nothing else changes', () => {
  assert.equal(timex2Value('P1DE'), 'P10Y');
  assert.equal(timex2Value('P2CE'), 'P200Y');
  assert.equal(timex2Value('P.5CE'), 'P50Y');
  assert.equal(timex2Value('P3ML'), 'P3000Y');
  for (const v of ['P1D', 'PXY', '1939-09-01', '194', 'BC0490', 'XXXX-WXX-1', 'PRESENT_REF']) assert.equal(timex2Value(v), v);
});

test('inline markup: entities, comments and unbalanced tags', () => {
  assert.equal(decodeEntities('&lt;a&gt; &#233; &#xE9; &quot;&apos; &nbsp;'), `<a> é é "' &nbsp;`);
  const read = readInline('a<!-- <T> -->b <T k="&amp;">c&lt;d</T>', ['T']);
  assert.equal(read.text, 'ab c<d');
  assert.deepEqual(read.elements.map((e) => [e.start, e.end, e.attrs.k]), [[3, 6, '&']]);
  assert.throws(() => readInline('<T>x', ['T']), /never closed/);
  assert.throws(() => readInline('<T><U>x</T></U>', ['T', 'U']), /closes <U>/);
});
