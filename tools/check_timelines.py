#!/usr/bin/env python3
"""Compares Vigie's story timelines with a gold corpus's `toll_timeline`.

    tools/check_timelines.py ../shared/corpus [--bin target/release/vigie] [-v]

Ingests CORPUS/articles.jsonl into a temporary database, finds the Vigie story
holding most of each gold story's evidence, and counts the gold timeline
entries (metric, group, day, value) present in that story's `vigie timeline`,
and how many of those also name the same source. A development tool: the
product never reads gold files.
"""
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from importlib.machinery import SourceFileLoader


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def main(argv):
    corpus = argv[0]
    vigie = argv[argv.index("--bin") + 1] if "--bin" in argv else "target/release/vigie"
    verbose = "-v" in argv
    score = SourceFileLoader("score", os.path.join(os.path.dirname(os.path.abspath(corpus)), "tools", "score")).load_module()
    gold = json.load(open(os.path.join(corpus, "gold", "stories.json")))["stories"]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "t.db")
        subprocess.run([vigie, "ingest", os.path.join(corpus, "articles.jsonl"), "--db", db], capture_output=True, check=True)
        members = {}
        for story in json.loads(run([vigie, "stories", "--db", db, "--json"])):
            pass
        # Which story each article is in.
        story_of = {}
        out = run([vigie, "stories", os.path.join(corpus, "articles.jsonl"), "--db", db, "--jsonl"])
        for line in out.splitlines():
            row = json.loads(line)
            story_of[row["article"]] = row["story"]
        total = found = sourced = 0
        for g in gold:
            timeline = g.get("toll_timeline") or []
            if not timeline:
                continue
            evidence = Counter(story_of.get(a) for t in timeline for a in t["evidence"] if story_of.get(a))
            if not evidence:
                continue
            ours = evidence.most_common(1)[0][0]
            rows = [json.loads(l) for l in run([vigie, "timeline", ours, "--db", db, "--jsonl"]).splitlines()]
            n = f = s = 0
            for t in timeline:
                n += 1
                hits = [r for r in rows if r["metric"] == t["metric"] and r["group"] == t["group"] and r["value"] == t["value"] and r["day"] == t["as_of"]]
                if hits:
                    f += 1
                    if any(score.same_source(r["source"], t["source"]) for r in hits):
                        s += 1
                elif verbose:
                    print(f"  miss {g['id']}: {t['as_of']} {t['metric']} {t['group']} {t['value']} ({t['source']})")
            print(f"{g['id']}: {f}/{n} entries by day and value, {s}/{n} with the source (Vigie story {ours})")
            total, found, sourced = total + n, found + f, sourced + s
        print(f"all: {found}/{total} by day and value ({found / total:.0%}), {sourced}/{total} with the source ({sourced / total:.0%})")


if __name__ == "__main__":
    main(sys.argv[1:])
