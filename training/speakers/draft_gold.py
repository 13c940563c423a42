import json, glob, os, sys
sys.path.insert(0, 'src')
from wortlaut.evaluate.split import spkatt_split, split_key
root = '../shared/data/spkatt-news/train/'
names = sorted(os.path.basename(p) for p in glob.glob(root + '*.json'))
tr, va = spkatt_split(names)
chosen = sorted(va + sorted(tr, key=split_key)[:50], key=split_key)
def text_of(sentences, refs):
    out, last = [], None
    for r in refs:
        s, t = map(int, r.split(':'))
        if last and (s, t) != (last[0], last[1] + 1):
            out.append('…')
        out.append(sentences[s][t]); last = (s, t)
    return ' '.join(out)
counts = {nm: sum(1 for a in json.load(open(root + nm))['Annotations'] if a['Source']) for nm in chosen}
batches = [[] for _ in range(6)]
for nm in sorted(chosen, key=lambda n: -counts[n]):
    min(batches, key=lambda b: sum(counts[x] for x in b)).append(nm)
batches = [sorted(b, key=split_key) for b in batches]
for b, batch in enumerate(batches):
    view, recs = [], []
    for nm in batch:
        d = json.load(open(root + nm))
        sents = {s['SentenceId']: s['Tokens'] for s in d['Sentences']}
        view.append('=' * 100 + '\nARTICLE: ' + nm[:-5])
        for i in sorted(sents):
            view.append(f'[{i}] ' + ' '.join(sents[i]))
        view.append('-- annotations --')
        for k, a in enumerate(d['Annotations']):
            if not a['Source']:
                continue
            src = text_of(sents, a['Source']); msg = text_of(sents, a['Message'])
            ssent = sorted({int(r.split(':')[0]) for r in a['Source']})
            rec = {'file': nm[:-5], 'ann_index': k, 'source_text': src, 'message_text': msg,
                   'kind': '', 'speaker': '', 'unnamed': False}
            recs.append(rec)
            view.append(f'ann {k} (source in sentence {ssent}): SOURCE «{src}» CUE «{text_of(sents, a["Cue"])}» MESSAGE «{msg[:150]}»')
    open(f'/tmp/gold/batch{b}.txt', 'w').write('\n'.join(view) + '\n')
    with open(f'/tmp/gold/batch{b}.draft.jsonl', 'w') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(b, len(batch), len(recs))
