"""The pooled t-test by scipy, for many cases in one process. Reads {"cases": [[a, b], ...]} on
standard input and prints one result per case: {"pValue", "t", "ciLow", "ciHigh"} from
scipy.stats.ttest_ind(a, b, equal_var=True) and its confidence_interval(0.95). Every float is
printed with all its digits (repr)."""

import json
import sys
import warnings

warnings.simplefilter("ignore")

from scipy import stats  # noqa: E402

results = []
for a, b in json.load(sys.stdin)["cases"]:
    test = stats.ttest_ind(a, b, equal_var=True)
    interval = test.confidence_interval(0.95)
    results.append(
        {
            "pValue": float(test.pvalue),
            "t": float(test.statistic),
            "ciLow": float(interval.low),
            "ciHigh": float(interval.high),
        }
    )
print(json.dumps(results))
