"""Saves a model with mlflow.pyfunc.save_model, with a signature inferred from an input example,
into FOLDER/model, and prints what MLflow recorded: {"flavors", "signature": {"inputs",
"outputs"} (parsed JSON), "model_uuid", "mlflow_version"}."""

import json
import os
import sys
import warnings

warnings.simplefilter("ignore")

import mlflow  # noqa: E402
import pandas as pd  # noqa: E402
from mlflow.models import infer_signature  # noqa: E402


class Threshold(mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input):
        return (model_input["tenure"] * 0.01 + model_input["charges"] * 0.001 > 0.5).astype(int)


example = pd.DataFrame({"tenure": [1, 24, 60], "charges": [29.5, 70.1, 110.0], "plan": ["basic", "pro", "pro"]})
path = os.path.join(sys.argv[1], "model")
signature = infer_signature(example, Threshold().predict(None, example))
mlflow.pyfunc.save_model(path, python_model=Threshold(), signature=signature)

info = mlflow.models.Model.load(os.path.join(path, "MLmodel"))
print(
    json.dumps(
        {
            "flavors": list(info.flavors.keys()),
            "signature": {
                "inputs": json.loads(info.signature.inputs.to_json()),
                "outputs": json.loads(info.signature.outputs.to_json()),
            },
            "model_uuid": info.model_uuid,
            "mlflow_version": info.mlflow_version,
        }
    )
)
