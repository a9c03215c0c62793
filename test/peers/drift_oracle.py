"""Drift statistics by scipy, for many cases in one process. Reads on standard input
{"samples": [[a, b], ...], "counts": [[p, q], ...], "tails": [[n, x], ...]} and prints
{"samples": [{"ks", "ksPValue", "wasserstein"}], "counts": [{"chi2", "chi2PValue", "jensenShannon"}],
"tails": [{"kolmogorov", "smirnov"}]}: ks_2samp (two-sided, method auto), wasserstein_distance,
chi2_contingency without continuity correction over the 2 x k table, jensenshannon (natural
logarithm), kstwo.sf and special.smirnov. Floats are printed with all their digits (repr)."""

import json
import sys
import warnings

warnings.simplefilter("ignore")

from scipy import special, stats  # noqa: E402
from scipy.spatial.distance import jensenshannon  # noqa: E402

request = json.load(sys.stdin)
answer = {"samples": [], "counts": [], "tails": []}
for a, b in request["samples"]:
    test = stats.ks_2samp(a, b)
    answer["samples"].append(
        {
            "ks": float(test.statistic),
            "ksPValue": float(test.pvalue),
            "wasserstein": float(stats.wasserstein_distance(a, b)),
        }
    )
for p, q in request["counts"]:
    kept = [i for i in range(len(p)) if p[i] + q[i] > 0]
    table = [[p[i] for i in kept], [q[i] for i in kept]]
    chi2 = stats.chi2_contingency(table, correction=False)
    answer["counts"].append(
        {
            "chi2": float(chi2.statistic),
            "chi2PValue": float(chi2.pvalue),
            "jensenShannon": float(jensenshannon(p, q)),
        }
    )
for n, x in request["tails"]:
    answer["tails"].append({"kolmogorov": float(stats.kstwo.sf(x, n)), "smirnov": float(special.smirnov(n, x))})
print(json.dumps(answer))
