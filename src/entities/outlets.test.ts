import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOutletName, isOutletOrganisation } from './outlets.ts';

test('isOutletOrganisation types outlets the tagger misread as organisations, and leaves people and places be', () => {
  // places and other names ending in a media word, or a known outlet
  assert.equal(isOutletOrganisation('Washington Post', 'LOC'), true);
  assert.equal(isOutletOrganisation('the Washington Post’s', 'LOC'), true);
  assert.equal(isOutletOrganisation('Sky News', 'MISC'), true);
  assert.equal(isOutletOrganisation('Yonhap', 'MISC'), true);
  // a person's name only when it is a known outlet of more than one word
  assert.equal(isOutletOrganisation('Al Jazeera', 'PER'), true);
  assert.equal(isOutletOrganisation('Fox', 'PER'), false);
  assert.equal(isOutletOrganisation('Jim Courier', 'PER'), false);
  assert.equal(isOutletOrganisation('Tomas Post', 'PER'), false);
  // names that end in words outlets share with other names
  for (const name of ['English Channel', 'Gold Standard', 'Mueller Report', 'Channel Islands', 'Washington']) {
    assert.equal(isOutletOrganisation(name, 'LOC'), false, name);
  }
  assert.equal(isOutletOrganisation('Reuters', 'ORG'), false, 'already an organisation');
});

test('isOutletName reads outlets by a media word anywhere or a known name', () => {
  for (const name of ['Sky News', 'the Washington Post', 'TASS', 'Reuters', 'BBC’s', 'Daily Mail']) assert.ok(isOutletName(name), name);
  for (const name of ['Kremlin', 'NATO', 'White House']) assert.ok(!isOutletName(name), name);
});
