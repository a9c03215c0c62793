"""Welch's test by scipy, for many cases in one process. Reads {"cases": [[a, b], ...]} (two lists of
numbers per case) on standard input and prints one result per case:
{"pValue", "df", "t", "ciLow", "ciHigh"} from scipy.stats.ttest_ind(a, b, equal_var=False) and its
confidence_interval(0.95). JSON has no NaN or infinities, so those are the strings "NaN",
"Infinity" and "-Infinity"; every other float is printed with all its digits (repr)."""

import json
import math
import sys
import warnings

# Nearly identical data make scipy warn about lost precision; the numbers are compared anyway.
warnings.simplefilter("ignore")

from scipy import stats  # noqa: E402


def encode(value):
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


results = []
for a, b in json.load(sys.stdin)["cases"]:
    test = stats.ttest_ind(a, b, equal_var=False)
    interval = test.confidence_interval(0.95)
    results.append(
        {
            "pValue": encode(test.pvalue),
            "df": encode(test.df),
            "t": encode(test.statistic),
            "ciLow": encode(interval.low),
            "ciHigh": encode(interval.high),
        }
    )
print(json.dumps(results))
