#!/usr/bin/env python3
"""Check a gate's deny messages against the generator's planted hits.

usage: verify.py EXPECTED.json RESULT.json [--conftest | --bangate]
RESULT is `opa eval` JSON output (query data.gate.deny), with --conftest
`conftest test -o json` output, with --bangate `bangate check -o json`
output (violations and reviews; the subject ref is the bom-ref). Every opa
and conftest message starts with "<bom-ref>: ".
Prints: flagged components, planted hits found/missed, near-miss false
positives, other extra flags. Exit 1 if any planted hit is missed.
"""
import json
import sys


def messages(path, conftest, bangate=False):
    doc = json.load(open(path))
    if bangate:
        # violations and reviews flag a component; warnings are counted
        # apart (see main), since they never block.
        return [v["subject"]["ref"] + ": " + v["rule"] + " " + v["message"]
                for i in doc["inputs"] for v in i["result"]["violations"] + i["result"]["reviews"]]
    if conftest:
        return [f["msg"] for r in doc for f in (r.get("failures") or [])]
    res = doc.get("result") or []
    return list(res[0]["expressions"][0]["value"]) if res else []


def main():
    exp_path, res_path = sys.argv[1], sys.argv[2]
    conftest = "--conftest" in sys.argv
    exp = json.load(open(exp_path))
    msgs = messages(res_path, conftest, "--bangate" in sys.argv)
    flagged = {m.split(": ", 1)[0] for m in msgs}
    should = {e["bom_ref"] for e in exp if e["should_flag"]}
    near = {e["bom_ref"] for e in exp if not e["should_flag"]}
    missed = should - flagged
    if "--bangate" in sys.argv:
        doc = json.load(open(res_path))
        warned = {v["subject"]["ref"] for i in doc["inputs"] for v in i["result"]["warnings"]}
        only_warned = missed & warned
        print(f"missed but warned={len(only_warned)}", end=" ")
        for m in sorted(only_warned):
            rules = sorted({v["rule"] for i in doc["inputs"] for v in i["result"]["warnings"] if v["subject"]["ref"] == m})
            print(f"[{m}: {','.join(rules)}]", end=" ")
        print()
    fp_near = near & flagged
    other = flagged - should - near
    print(f"messages={len(msgs)} flagged={len(flagged)} planted={len(should)} "
          f"found={len(should & flagged)} missed={len(missed)} near_miss_flagged={len(fp_near)}/{len(near)} "
          f"other_extra={len(other)}")
    for m in sorted(missed):
        print("  MISSED", m, [e for e in exp if e["bom_ref"] == m])
    for m in sorted(other)[:5]:
        print("  EXTRA", [x for x in msgs if x.startswith(m + ": ")][:2])
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
