"""Logs runs with MLflow's own client into a local file store FOLDER/mlruns and prints what was
logged: {"experiment_id", "runs": {name: {"run_id", "params", "metrics": {key: {"steps",
"values", "timestamps"}}}}, "deleted": run_id}.

Cases: metrics over steps with explicit timestamps; params; keys with "/"; a parent run with a
nested child run; a newer run that is deleted afterwards (readers must ignore it)."""

import json
import os
import sys
import time
import warnings

warnings.simplefilter("ignore")
os.environ.setdefault("MLFLOW_ENABLE_ASYNC_LOGGING", "false")
# MLflow 3.17 keeps the file store only on request (its default is now a database).
os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"

import mlflow  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

folder = sys.argv[1]
mlflow.set_tracking_uri("file:" + os.path.join(os.path.abspath(folder), "mlruns"))
experiment_id = mlflow.create_experiment("churn")
client = MlflowClient()
runs = {}
base = 1_700_000_000_000


def log_run(name, start, params, series, nested=False):
    with mlflow.start_run(experiment_id=experiment_id, run_name=name, nested=nested) as run:
        mlflow.log_params(params)
        logged = {}
        for key, values in series.items():
            entry = logged.setdefault(key, {"steps": [], "values": [], "timestamps": []})
            for step, value in enumerate(values):
                timestamp = start + step * 1000
                client.log_metric(run.info.run_id, key, value, timestamp=timestamp, step=step * 10)
                entry["steps"].append(step * 10)
                entry["values"].append(value)
                entry["timestamps"].append(timestamp)
        runs[name] = {"run_id": run.info.run_id, "params": {k: str(v) for k, v in params.items()}, "metrics": logged}
        return run


with mlflow.start_run(experiment_id=experiment_id, run_name="sweep") as parent:
    mlflow.log_param("sweep", "lr")
    runs["sweep"] = {"run_id": parent.info.run_id, "params": {"sweep": "lr"}, "metrics": {}}
    time.sleep(0.01)
    log_run(
        "child",
        base,
        {"lr": 0.01, "batch_size": 32, "optimizer": "sgd"},
        {"train/loss": [0.9, 0.5, 0.3, 0.2], "val/rmse": [1.5, 1.1, 0.8], "accuracy": [0.7]},
        nested=True,
    )

time.sleep(0.01)
deleted = log_run("discarded", base + 10_000, {"lr": 1.0}, {"accuracy": [0.1]})
client.delete_run(deleted.info.run_id)

print(json.dumps({"experiment_id": experiment_id, "runs": runs, "deleted": deleted.info.run_id}))
