"""Simulate one day of production traffic for the churn model: the customers it scored, with the
outcome that became known by the end of the day, and the day's live metrics.

    python3 examples/traffic.py --out examples/out/traffic/day.csv
    python3 examples/traffic.py --price-rise 15 --out examples/out/traffic/after-price-change.csv

Customers are drawn as examples/make_dataset.py draws the training data, so an unchanged day has
the training data's distribution; `--price-rise` adds that much to every monthly charge (a price
change), which shifts `monthly_charges` and, through the churn model, `churned`. `--metrics` also
writes the serving metrics of the day: requests, error rate and the 95th percentile latency.
"""

import argparse
import json
import os
import random

from make_dataset import COLUMNS, customer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000, help="customers scored in the day")
    parser.add_argument("--seed", type=int, default=1, help="the day: another seed, another day")
    parser.add_argument("--price-rise", type=float, default=0.0, help="added to each monthly charge")
    parser.add_argument("--out", required=True, help="the CSV file to write")
    parser.add_argument("--metrics", help="a JSON file for the day's serving metrics")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(COLUMNS) + "\n")
        for _ in range(args.rows):
            out.write(",".join(customer(rng, args.price_rise)) + "\n")

    if args.metrics:
        latencies = sorted(rng.lognormvariate(3.6, 0.35) for _ in range(args.rows))
        errors = sum(1 for _ in range(args.rows) if rng.random() < 0.002)
        metrics = {
            "requests": args.rows,
            "error_rate": round(errors / args.rows, 5),
            "p95_latency_ms": round(latencies[int(0.95 * (args.rows - 1))], 1),
        }
        os.makedirs(os.path.dirname(os.path.abspath(args.metrics)), exist_ok=True)
        with open(args.metrics, "w", encoding="utf-8") as out:
            json.dump(metrics, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
