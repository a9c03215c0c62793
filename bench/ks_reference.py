"""The reference of the drift benchmark: scipy's two-sample Kolmogorov-Smirnov test over every
column of two CSV files, read with pandas. Prints {"readSeconds", "ksSeconds", "drifted"}: the
columns whose p-value is below 0.05 / columns (Bonferroni, to compare with monitor's Holm)."""

import json
import sys
import time

import pandas
from scipy import stats

reference_path, production_path = sys.argv[1:3]
began = time.perf_counter()
reference = pandas.read_csv(reference_path)
production = pandas.read_csv(production_path)
read = time.perf_counter() - began
began = time.perf_counter()
results = {column: stats.ks_2samp(reference[column].to_numpy(), production[column].to_numpy()) for column in reference.columns}
ks = time.perf_counter() - began
limit = 0.05 / len(results)
drifted = [column for column, result in results.items() if result.pvalue < limit]
print(json.dumps({"readSeconds": read, "ksSeconds": ks, "drifted": drifted}))
