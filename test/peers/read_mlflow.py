"""Reads an MLflow run (and optionally a registered model's versions) back with MLflow's own
Python client, for tests that check what ml-actions sent to a tracking server.

Input (JSON on stdin): {"tracking_uri", "run_id"?, "metric_keys"?, "model_name"?, "alias"?}.
Output (JSON on stdout; NaN and infinities as the bare tokens Python's json writes)."""
import json
import sys

from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

request = json.load(sys.stdin)
client = MlflowClient(tracking_uri=request["tracking_uri"])
result = {}

run_id = request.get("run_id")
if run_id:
    run = client.get_run(run_id)
    info = run.info
    result["run"] = {
        "info": {
            "run_id": info.run_id,
            "experiment_id": info.experiment_id,
            "status": info.status,
            "run_name": info.run_name,
            "start_time": info.start_time,
            "end_time": info.end_time,
            "lifecycle_stage": info.lifecycle_stage,
        },
        "params": dict(run.data.params),
        "tags": dict(run.data.tags),
        "metrics": dict(run.data.metrics),
    }
    keys = request.get("metric_keys") or list(run.data.metrics.keys())
    histories = {}
    for key in keys:
        points = client.get_metric_history(run_id, key)
        histories[key] = sorted(([p.step, p.timestamp, p.value] for p in points), key=lambda p: (p[0], p[1]))
    result["histories"] = histories
    experiment = client.get_experiment(info.experiment_id)
    result["experiment"] = {"name": experiment.name, "experiment_id": experiment.experiment_id}

name = request.get("model_name")
if name:
    versions = client.search_model_versions(f"name='{name}'")
    result["model_versions"] = sorted(
        (
            {
                "version": v.version,
                "source": v.source,
                "run_id": v.run_id,
                "tags": dict(v.tags),
                "aliases": list(v.aliases),
            }
            for v in versions
        ),
        key=lambda v: int(v["version"]),
    )
    alias = request.get("alias")
    if alias:
        try:
            found = client.get_model_version_by_alias(name, alias)
            result["by_alias"] = {"version": found.version, "source": found.source, "run_id": found.run_id}
        except MlflowException:
            result["by_alias"] = None

json.dump(result, sys.stdout, allow_nan=True)
