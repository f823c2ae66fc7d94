import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_PARAPHRASE_RATES,
  dropAdverbs,
  moveSpeaker,
  paraphraseSentence,
  rewriteNumbers,
  swapSynonyms,
  toggleContractions,
} from './paraphrase.ts';
import { seededRandom } from './seeded-random.ts';

test('moveSpeaker turns "X said Y" into "Y, X said" and back', () => {
  assert.equal(moveSpeaker('The mayor said in a statement that the bridge is safe.'), 'The bridge is safe, the mayor said in a statement.');
  assert.equal(moveSpeaker('Ode said the ferry would sail on time.'), 'The ferry would sail on time, Ode said.');
  assert.equal(moveSpeaker('The ferry would sail on time, officials said.'), 'Officials said the ferry would sail on time.');
  assert.equal(moveSpeaker('“We will sail at noon,” Ode said.'), 'Ode said: “We will sail at noon.”');
  assert.equal(moveSpeaker('“We will sail at noon,” said the captain.'), 'The captain said: “We will sail at noon.”');
  assert.equal(moveSpeaker('Officials said the ferry docked in the U.S.'), 'The ferry docked in the U.S., officials said.');
  // shapes it leaves alone: a time phrase after the verb, a long speaker, no speaker
  assert.equal(moveSpeaker('Ode said Sunday the ferry would sail.'), 'Ode said Sunday the ferry would sail.');
  assert.equal(moveSpeaker('The head of the union of ferry workers in the port said the ferry would sail.'), 'The head of the union of ferry workers in the port said the ferry would sail.');
  assert.equal(moveSpeaker('The ferry sailed at noon.'), 'The ferry sailed at noon.');
});

test('swapSynonyms replaces table words, keeping case and a/an', () => {
  assert.equal(swapSynonyms('Officials said it was a huge problem.', seededRandom(1), 0), 'Officials said it was a huge problem.');
  const out = swapSynonyms('Officials said it was a huge problem for the U.S.', seededRandom(1), 1);
  assert.match(out, /^Authorities (stated|remarked) it was an? (enormous|massive) issue for the (US\.|United States\.)$/);
  assert.equal(swapSynonyms('It was a statement.', seededRandom(1), 1), 'It was an announcement.');
  assert.equal(swapSynonyms('They told us.', seededRandom(1), 1), 'They informed us.'); // "us" is not the country
  assert.equal(swapSynonyms('The swing states voted.', seededRandom(1), 1), 'The swing states voted.');
});

test('dropAdverbs drops adverbs and honorifics, fixing the capital', () => {
  const r = seededRandom(1);
  assert.equal(dropAdverbs('Still, Mr. Ode also said it was very late.', r, 1), 'Ode said it was late.');
  assert.equal(dropAdverbs('It was reportedly late.', r, 0), 'It was reportedly late.');
});

test('rewriteNumbers writes numbers, money, percentages and months another way', () => {
  const r = () => seededRandom(2);
  assert.equal(rewriteNumbers('He spent 5 million dollars over two days.', r(), 1), 'He spent $5 million over 2 days.');
  assert.equal(rewriteNumbers('It cost $5 million on Sept. 9, from 3 donors.', r(), 1), 'It cost 5 million dollars on September 9, from three donors.');
  assert.equal(rewriteNumbers('Some 12,500 came; Forty-three stayed.', r(), 1), 'Some 12500 came; Forty-three stayed.');
  assert.match(rewriteNumbers('About 40 percent agreed.', r(), 1), /^(Around|Roughly|Approximately|Some) 40(%| per cent) agreed\.$/);
  assert.equal(rewriteNumbers('He came 2nd in No. 3 district.', r(), 1), 'He came second in No. 3 district.');
});

test('toggleContractions contracts or expands, with the sentence’s own apostrophe', () => {
  assert.equal(toggleContractions('She did not know it is late.', seededRandom(1), 1), 'She didn’t know it’s late.');
  assert.equal(toggleContractions("She won't go; I'm here.", seededRandom(1), 1), 'She will not go; I am here.');
  assert.equal(toggleContractions("It's late and she didn't go.", seededRandom(1), 1), "It's late and she did not go."); // "it's" may be "it has"
  assert.equal(toggleContractions("She did not say it's late.", seededRandom(1), 1), "She didn't say it's late.");
});

test('paraphraseSentence is deterministic and changes most news sentences', () => {
  const sentences = [
    'The mayor said the bridge would not open before October 3.',
    'Officials expected about 40 percent of voters to take part.',
    '“We are very proud of this result,” Ode said.',
    'Her campaign also criticized the huge cost of the project.',
    'The country needed a quick answer, analysts said.',
  ];
  const a = sentences.map((s) => paraphraseSentence(s, seededRandom(3)));
  assert.deepEqual(a, sentences.map((s) => paraphraseSentence(s, seededRandom(3))));
  assert.ok(a.filter((s, i) => s !== sentences[i]).length >= 4, a.join('\n'));
  const none = { synonyms: 0, clauses: 0, adverbs: 0, numbers: 0, contractions: 0 };
  for (const s of sentences) assert.equal(paraphraseSentence(s, seededRandom(3), none), s);
  assert.ok(DEFAULT_PARAPHRASE_RATES.synonyms > 0);
});
