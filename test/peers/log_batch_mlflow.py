"""The reference for the MLflow logging benchmark: MLflow's own Python client logs `metrics` x
`steps` points with MlflowClient.log_batch, 1,000 metrics a call (MLflow's per-request limit).

Input (JSON on stdin): {"tracking_uri", "experiment_name", "metrics", "steps"}.
Output: {"run_id", "seconds" (the log_batch calls only), "points"}."""
import contextlib
import json
import math
import sys
import time

from mlflow.entities import Metric
from mlflow.tracking import MlflowClient

request = json.load(sys.stdin)
client = MlflowClient(tracking_uri=request["tracking_uri"])
name = request["experiment_name"]
experiment = client.get_experiment_by_name(name)
experiment_id = experiment.experiment_id if experiment else client.create_experiment(name)
run = client.create_run(experiment_id, run_name="bench")
run_id = run.info.run_id
metrics, steps = request["metrics"], request["steps"]
points = [
    Metric(f"metric_{k}", math.sin(step + k), 1_700_000_000_000 + step, step)
    for k in range(metrics)
    for step in range(steps)
]

# MLflow prints a link to the run on standard output when it ends; the answer alone goes there.
with contextlib.redirect_stdout(sys.stderr):
    began = time.perf_counter()
    for start in range(0, len(points), 1000):
        client.log_batch(run_id, metrics=points[start : start + 1000])
    client.set_terminated(run_id, "FINISHED")
    seconds = time.perf_counter() - began

json.dump({"run_id": run_id, "seconds": seconds, "points": len(points)}, sys.stdout)
