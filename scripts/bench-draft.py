#!/usr/bin/env python3
"""Drafting speed: 100 synthetic articles of about 1,000 words each, every sentence naming a place of
a 200,000-place gazetteer (Benchmarks/lookup/lookup.py's, with its namesakes and Cyrillic names)
with a date and a figure, drafted by one `salient draft` run. Prints the wall time and the peak
memory (max RSS). A benchmark, not a test: the goal is under 10 s on 2 cores.

    python3 scripts/bench-draft.py --salient .build/release/salient [--places N] [--articles N] [--words N]
"""
import argparse, json, os, random, resource, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "lookup"))
import lookup  # noqa: E402  (the gazetteer generator of the lookup benchmark)

FILLER = ("the troops said officials reported that fighting continued near the border while residents left "
          "their homes and the ministry added that units had moved forward under heavy fire").split()
DATES = ["on Monday", "last Saturday", "the previous day", "on August 6", "overnight", "as of Tuesday"]


def figure(rng):
    return rng.choice([f"about {rng.randint(100, 9000):,} people", f"at least {rng.randint(10, 900)} square kilometres",
                       f"{rng.randint(1, 40)}km from the border", f"{rng.randint(2, 80)} settlements"])


def articles(folder, names, count, words, seed):
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    for a in range(count):
        lines, total = [f"date 2024-08-{10 + a % 20:02d}"], 0
        while total < words:
            filler = rng.sample(FILLER, 12)
            place = rng.choice(names)
            sentence = (f"{' '.join(filler[:5]).capitalize()} in {place} {rng.choice(DATES)}, with {figure(rng)} "
                        f"{' '.join(filler[5:])}.")
            lines.append(sentence)
            total += len(sentence.split())
        with open(os.path.join(folder, f"a{a:03d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--salient", required=True)
    parser.add_argument("--places", type=int, default=200_000)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--words", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        lookup.generate(work, args.places, 10_000, 7)
        with open(os.path.join(work, "expected.json"), encoding="utf-8") as f:
            # Names as news prints them: the generator's unique names carry a number, which no report would.
            names = [w.split(" (")[0] for w, _ in json.load(f) if not any(c.isdigit() for c in w.split(" (")[0])]
        articles(os.path.join(work, "articles"), names, args.articles, args.words, 11)
        files = sorted(os.path.join(work, "articles", n) for n in os.listdir(os.path.join(work, "articles")))
        # Drafted into a timeline whose territory tells the generator's namesakes apart.
        timeline = os.path.join(work, "draft.yaml")
        with open(timeline, "w", encoding="utf-8") as f:
            f.write("salient: 1\nid: draft-bench\ntimezone: UTC\ngazetteer: gazetteer\nestimate:\n  actor: A\n"
                    "  territory: [region-a, region-b]\n  border: line\n  radius_km: {village: 1}\n"
                    "  precision_factor: {exact: 1}\n  contested_band_km: 1\nsources: []\n\nevents: []\n")
        command = [args.salient, "draft", *files, "--into", timeline, "--quiet"]
        start = time.monotonic()
        subprocess.run(command, check=True)
        seconds = time.monotonic() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        with open(timeline, encoding="utf-8") as f:
            marks = f.read().count("review: draft")
        print(f"draft: {args.articles} articles of {args.words} words, {args.places:,} places: "
              f"{seconds:.2f} s, {peak:.0f} MB, {marks} events and claims drafted")


if __name__ == "__main__":
    main()
