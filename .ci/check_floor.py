#!/usr/bin/env python3
"""Fail when a headline figure of the scorer drops below the floor kept in the repo.

usage: check_floor.py EVAL_JSON FLOOR_JSON
Raise a floor when quality rises; never lower one to make CI pass.
"""
import json
import sys


def figures(report):
    links = report.get("links") or {}
    return {
        "claims_f1": report["claims"]["f1"],
        "attribution_accuracy": report["attribution_accuracy"],
        "who_said_what_recall": report["who_said_what_recall"],
        "via_accuracy": report["via_accuracy"],
        "places_f1": report["places"]["f1"],
        "numbers_f1": report["numbers"]["f1"],
        "unit_agreement": report["unit_agreement"],
        "entities_share": report["entities"]["share"],
        "entity_pairs_f1": report["entities"]["pairwise"]["f1"],
        "about_f1": report["about"]["f1"],
        "corroboration_f1": (links.get("corroboration") or {}).get("f1", 0.0),
        "conflicts_recall": (links.get("conflicts") or {}).get("recall", 0.0),
        # precision first (issue 21): a fact or a conflict shown to a user must be right
        "corroboration_precision": (links.get("corroboration") or {}).get("precision", 0.0),
        "conflicts_precision": (links.get("conflicts") or {}).get("precision", 0.0),
    }


def main():
    report = json.load(open(sys.argv[1]))
    floor = json.load(open(sys.argv[2]))
    got = figures(report)
    failed = False
    for name, minimum in sorted(floor.items()):
        value = got.get(name)
        if value is None:
            print(f"floor names unknown figure {name!r}")
            failed = True
            continue
        ok = value + 1e-9 >= minimum
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name:<22} {value:.4f} (floor {minimum:.4f})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
