"""Writes the metrics files that ML frameworks produce into FOLDER and prints, as JSON, what each
holds as its framework means it: {file: {"metrics": {key: {"value", "points"}}}} with "points"
the length of the key's history (0 for a plain value).

Written by the real library: XGBoost's evals_result() and LightGBM's evals_result_ (each dumped
with json.dump, as users save them). Written to the framework's documented format, by this
script, where the framework needs a deep-learning stack or a server: Keras' CSVLogger
(`epoch` then the metrics in sorted order), Lightning's CSVLogger `metrics.csv` (`epoch` and
`step` columns, empty cells where a metric was not logged), Hugging Face Trainer's
`trainer_state.json` (`log_history` of points with `step` and `epoch`) and W&B's
`wandb-summary.json` (the summary with W&B's `_step`, `_runtime`, `_timestamp` and `_wandb`).
"""

import csv
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")

import lightgbm  # noqa: E402
import numpy as np  # noqa: E402
import xgboost  # noqa: E402

folder = sys.argv[1]
expected = {}


def history(values):
    return {"value": values[-1], "points": len(values)}


# XGBoost: two eval sets, two metrics each, over 12 boosting rounds.
rng = np.random.default_rng(7)
features = rng.normal(size=(300, 4))
labels = (features[:, 0] + 0.5 * features[:, 1] + rng.normal(scale=0.5, size=300) > 0).astype(int)
train, valid = slice(0, 200), slice(200, 300)
booster = xgboost.XGBClassifier(n_estimators=12, max_depth=2, eval_metric=["logloss", "error"], n_jobs=1)
booster.fit(features[train], labels[train], eval_set=[(features[train], labels[train]), (features[valid], labels[valid])], verbose=False)
with open(os.path.join(folder, "xgboost_evals.json"), "w") as out:
    json.dump(booster.evals_result(), out)
expected["xgboost_evals.json"] = {
    f"{split}.{name}": history(values) for split, by_name in booster.evals_result().items() for name, values in by_name.items()
}

# LightGBM: the scikit-learn API's evals_result_.
gbm = lightgbm.LGBMClassifier(n_estimators=9, num_leaves=4, verbose=-1, n_jobs=1)
gbm.fit(features[train], labels[train], eval_set=[(features[valid], labels[valid])], eval_metric="auc")
evals = {split: {name: list(values) for name, values in by_name.items()} for split, by_name in gbm.evals_result_.items()}
with open(os.path.join(folder, "lightgbm_evals.json"), "w") as out:
    json.dump(evals, out)
expected["lightgbm_evals.json"] = {f"{split}.{name}": history(values) for split, by_name in evals.items() for name, values in by_name.items()}

# Keras' CSVLogger: one row per epoch, "epoch" first, then the logs' keys sorted.
keras_rows = [{"epoch": e, "accuracy": 0.6 + e * 0.05, "loss": 1.0 / (e + 1), "val_accuracy": 0.55 + e * 0.05, "val_loss": 1.1 / (e + 1)} for e in range(6)]
with open(os.path.join(folder, "training.log"), "w", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=["epoch", "accuracy", "loss", "val_accuracy", "val_loss"])
    writer.writeheader()
    writer.writerows(keras_rows)
expected["training.log"] = {key: history([row[key] for row in keras_rows]) for key in ["accuracy", "loss", "val_accuracy", "val_loss"]}

# Lightning's CSVLogger: training rows every 10 steps, a validation row at each epoch's end.
lightning_rows = []
for epoch in range(3):
    for batch in range(0, 30, 10):
        step = epoch * 30 + batch + 9
        lightning_rows.append({"epoch": epoch, "step": step, "train_loss": 1.0 / (step + 1)})
    lightning_rows.append({"epoch": epoch, "step": epoch * 30 + 29, "val_loss": 1.2 / (epoch + 1), "val_acc": 0.7 + epoch / 20})
lightning_keys = ["epoch", "step", "train_loss", "val_acc", "val_loss"]
os.makedirs(os.path.join(folder, "lightning_logs", "version_0"))
with open(os.path.join(folder, "lightning_logs", "version_0", "metrics.csv"), "w", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=lightning_keys)
    writer.writeheader()
    writer.writerows(lightning_rows)
with open(os.path.join(folder, "lightning_logs", "version_0", "hparams.yaml"), "w") as out:
    out.write("lr: 0.001\nhidden: 64\n")
expected["lightning_logs/version_0/metrics.csv"] = {
    key: history([row[key] for row in lightning_rows if key in row]) for key in ["train_loss", "val_acc", "val_loss"]
}

# Hugging Face Trainer's trainer_state.json.
log_history = []
for step in range(10, 70, 10):
    log_history.append({"epoch": step / 30, "grad_norm": 2.0 / step, "learning_rate": 5e-5 * (1 - step / 60), "loss": 1.0 / step * 10, "step": step})
    if step % 30 == 0:
        log_history.append({"epoch": step / 30, "eval_accuracy": 0.8 + step / 1000, "eval_loss": 0.5 - step / 1000, "eval_runtime": 1.5, "eval_samples_per_second": 200.0, "eval_steps_per_second": 25.0, "step": step})
log_history.append({"epoch": 2.0, "step": 60, "total_flos": 12345.0, "train_loss": 0.31, "train_runtime": 42.0, "train_samples_per_second": 90.0, "train_steps_per_second": 1.4})
state = {
    "best_global_step": 60, "best_metric": 0.86, "best_model_checkpoint": "out/checkpoint-60", "epoch": 2.0,
    "eval_steps": 30, "global_step": 60, "is_hyper_param_search": False, "is_local_process_zero": True,
    "is_world_process_zero": True, "log_history": log_history, "logging_steps": 10, "max_steps": 60,
    "num_input_tokens_seen": 0, "num_train_epochs": 2, "save_steps": 30, "stateful_callbacks": {},
    "total_flos": 12345.0, "train_batch_size": 8, "trial_name": None, "trial_params": None,
}
with open(os.path.join(folder, "trainer_state.json"), "w") as out:
    out.write(json.dumps(state, indent=2, sort_keys=True) + "\n")
hf = {}
for point in log_history:
    for key, value in point.items():
        if key not in ("step", "epoch"):
            hf.setdefault(key, []).append(value)
expected["trainer_state.json"] = {key: history(values) for key, values in hf.items()}
expected["trainer_state.json"]["best_metric"] = {"value": 0.86, "points": 0}

# W&B's wandb-summary.json, as a finished run leaves it in files/.
summary = {"_runtime": 12.5, "_step": 4, "_timestamp": 1764662400.25, "_wandb": {"runtime": 12}, "best_acc": 0.9, "eval": {"acc": 0.9}, "loss": 0.2, "confusion": {"_type": "table-file", "path": "media/table/confusion.json", "sha256": "ab", "size": 512}}
os.makedirs(os.path.join(folder, "wandb", "run-1", "files"))
with open(os.path.join(folder, "wandb", "run-1", "files", "wandb-summary.json"), "w") as out:
    json.dump(summary, out)
expected["wandb/run-1/files/wandb-summary.json"] = {
    "best_acc": {"value": 0.9, "points": 0}, "eval.acc": {"value": 0.9, "points": 0}, "loss": {"value": 0.2, "points": 0}
}

print(json.dumps(expected))
