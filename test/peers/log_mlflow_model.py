"""Logs a trivial pyfunc model to a new MLflow run with MLflow's own client, as a training job that
logs its model would, for the registry tests.

Input (JSON on stdin): {"tracking_uri", "experiment_name"}.
Output: {"run_id", "model_uri", "model_id"}."""
import contextlib
import json
import sys

import mlflow
import mlflow.pyfunc


class Constant(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input):
        return [0.5] * len(model_input)


request = json.load(sys.stdin)
# MLflow prints links to the run on standard output; the answer alone goes there.
with contextlib.redirect_stdout(sys.stderr):
    mlflow.set_tracking_uri(request["tracking_uri"])
    mlflow.set_experiment(request["experiment_name"])
    with mlflow.start_run() as run:
        mlflow.log_metric("accuracy", 0.9)
        info = mlflow.pyfunc.log_model(name="model", python_model=Constant())
json.dump(
    {"run_id": run.info.run_id, "model_uri": info.model_uri, "model_id": getattr(info, "model_id", None)},
    sys.stdout,
)
