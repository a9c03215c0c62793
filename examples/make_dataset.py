"""Generate examples/data/churn.csv: a synthetic customer-churn table.

Run once; the output is committed. The same seed gives the same bytes, so
re-running this script must leave the committed file unchanged:

    python3 examples/make_dataset.py && git diff --exit-code examples/data/churn.csv

Each row is one customer of a subscription service. Whether a customer churns
is drawn from a logistic model of the features plus noise, so a linear model
can learn it well but not perfectly (roughly 87% accuracy at best).
"""

import argparse
import math
import os
import random

COLUMNS = [
    "tenure_months",
    "monthly_charges",
    "contract_months",
    "products",
    "support_calls",
    "late_payments",
    "days_since_login",
    "satisfaction",
    "churned",
]


def customer(rng, price_rise=0.0):
    """One row: the features and the churn label drawn from them. `price_rise` is added to the
    monthly charges (production traffic after a price change, for examples/traffic.py)."""
    tenure = rng.randint(1, 72)
    contract = rng.choices([1, 12, 24], weights=[5, 3, 2])[0]
    products = min(5, 1 + int(rng.expovariate(0.9)))
    monthly = min(150.0, max(18.0, rng.gauss(35 + 14 * products, 12) + price_rise))
    support_calls = min(12, int(rng.expovariate(0.55)))
    late_payments = min(8, int(rng.expovariate(1.1)))
    days_since_login = min(120.0, rng.expovariate(1 / 12))
    # Unhappy customers call support more: the features are correlated, as real ones are.
    satisfaction = min(10.0, max(1.0, rng.gauss(7.2 - 0.35 * support_calls, 1.6)))

    logit = (
        1.6
        - 0.08 * tenure
        + 0.045 * (monthly - 70)
        - 0.16 * contract
        - 0.6 * (products - 1)
        + 0.55 * support_calls
        + 0.8 * late_payments
        + 0.08 * days_since_login
        - 0.7 * (satisfaction - 5.5)
    )
    churned = 1 if rng.random() < 1 / (1 + math.exp(-logit)) else 0
    return [
        str(tenure),
        f"{monthly:.2f}",
        str(contract),
        str(products),
        str(support_calls),
        str(late_payments),
        f"{days_since_login:.1f}",
        f"{satisfaction:.1f}",
        str(churned),
    ]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--out", default=os.path.join(here, "data", "churn.csv"))
    args = parser.parse_args()

    rng = random.Random(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    # newline="" and explicit "\n": the same bytes on every platform.
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(COLUMNS) + "\n")
        for _ in range(args.rows):
            out.write(",".join(customer(rng)) + "\n")


if __name__ == "__main__":
    main()
