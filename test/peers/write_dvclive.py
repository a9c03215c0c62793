"""Writes a DVCLive run with dvclive.Live into FOLDER (its working directory: DVCLive writes
`dvclive/` and `dvc.yaml` there), then resumes it with resume=True, and prints what was logged:
{"params": {...}, "metrics": {key: {"steps": [...], "values": [...]}}, "summary": {...}},
keys as DVCLive names them ("train/loss")."""

import json
import os
import sys

from dvclive import Live

os.chdir(sys.argv[1])
params = {"optimizer": "adam", "lr": 0.001, "model": {"layers": 3, "dropout": 0.25}}
metrics = {}


def log(live, name, value):
    live.log_metric(name, value)
    series = metrics.setdefault(name, {"steps": [], "values": []})
    series["steps"].append(live.step)
    series["values"].append(value)


with Live(save_dvc_exp=False) as live:
    live.log_params(params)
    live.log_param("epochs", 8)
    for epoch in range(0, 5):
        log(live, "train/loss", 1.0 / (epoch + 1))
        log(live, "val/loss", 1.2 / (epoch + 1))
        log(live, "accuracy", 0.6 + epoch * 0.05)
        live.next_step()
    live.summary["best_epoch"] = 4
    live.make_summary()

# A second session picking up where the first one stopped.
with Live(resume=True, save_dvc_exp=False) as live:
    for epoch in range(5, 8):
        log(live, "train/loss", 1.0 / (epoch + 1))
        log(live, "val/loss", 1.2 / (epoch + 1))
        log(live, "accuracy", 0.6 + epoch * 0.05)
        live.next_step()

params["epochs"] = 8
with open("dvclive/metrics.json") as summary:
    print(json.dumps({"params": params, "metrics": metrics, "summary": json.load(summary)}))
