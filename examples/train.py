"""Train a churn classifier: logistic regression by mini-batch gradient descent.

Standard library only. Reads the customer table (default data/churn.csv next to
this file) and the params (default params.yaml next to this file), and writes
under --out (default out/ next to this file):

    metrics.json      final metrics: accuracy, precision, recall, f1, loss and
                      auc on the held-out test split at the top level, and the
                      training split's loss and accuracy under "train"
    history.csv       one row per epoch: step,loss,accuracy,val_loss,val_accuracy
                      (loss/accuracy on the training split, val_* on the test split)
    model/model.json  weights, bias, and the feature means and standard
                      deviations needed to score new rows

The same params and seed give the same output bytes: nothing depends on the
clock, the machine or the order of a dict.
"""

import argparse
import csv
import json
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Defaults for every param; the params file overrides them, --seed overrides the file.
DEFAULT_PARAMS = {
    "train": {"epochs": 40, "learning_rate": 0.02, "batch_size": 64, "l2": 0.001, "seed": 42},
    "data": {"test_fraction": 0.2, "label": "churned"},
}

# The test split does not depend on the training seed, so runs with different
# seeds (a matrix) are judged on the same customers and stay comparable.
SPLIT_SEED = 0


class UsageError(Exception):
    """A mistake in the params, the data or the command line: reported in one line, no traceback."""


# ---------------------------------------------------------------- params


def parse_scalar(text, where):
    """A YAML scalar of the subset: quoted text, true/false, null, an int, a float, or plain text."""
    if text[:1] in ('"', "'"):
        quote = text[0]
        if len(text) < 2 or text[-1] != quote:
            raise UsageError(f"{where}: unterminated quoted text {text}")
        if quote == "'":
            return text[1:-1].replace("''", "'")
        try:
            return json.loads(text)
        except ValueError:
            raise UsageError(f"{where}: bad double-quoted text {text}") from None
    # YAML 1.2 core schema, as the yaml package that reads params.yaml in the actions: yes/no/on/off stay text.
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text in ("null", "Null", "NULL", "~"):
        return None
    for convert in (int, float):
        try:
            value = convert(text)
        except ValueError:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            raise UsageError(f"{where}: {text} is not a finite number")
        return value
    if text[:1] in ("[", "{", "&", "*", "!", "|", ">", "-"):
        raise UsageError(f"{where}: {text!r} needs YAML this parser does not read; use a plain value")
    return text


def strip_comment(line):
    """The line without a trailing `# comment` (a # inside quotes, or glued to a word, stays)."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in ('"', "'"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index]
    return line


def parse_simple_yaml(text, path):
    """
    Parse the YAML subset params.yaml is kept to: nested mappings indented with
    spaces, `key: value` scalars and comments. Anything else is refused with the
    file and line, rather than misread.
    """
    root = {}
    # Each frame: (indent of its keys, the mapping). A key with no value opens a mapping.
    stack = [(0, root)]
    pending = None  # (indent of the key that opened a mapping, mapping) awaiting its first key
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{path}:{number}"
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise UsageError(f"{where}: indent with spaces, not tabs")
        line = strip_comment(raw).rstrip()
        if not line.strip() or line.strip() in ("---", "..."):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if body.startswith("- "):
            raise UsageError(f"{where}: lists are not part of the params subset")
        key, colon, rest = body.partition(":")
        if not colon or (rest and not rest.startswith(" ")):
            raise UsageError(f"{where}: expected `key: value`, got {body!r}")
        key = key.strip()
        if key[:1] in ('"', "'"):
            key = parse_scalar(key, where)
        if not key:
            raise UsageError(f"{where}: empty key")
        if pending is not None:
            parent_indent, mapping = pending
            if indent <= parent_indent:
                raise UsageError(f"{where}: the key above has no value and nothing nested under it")
            stack.append((indent, mapping))
            pending = None
        while stack and indent < stack[-1][0]:
            stack.pop()
        if not stack or indent != stack[-1][0]:
            raise UsageError(f"{where}: indentation does not match any key above")
        mapping = stack[-1][1]
        if key in mapping:
            raise UsageError(f"{where}: duplicate key {key!r}")
        value = rest.strip()
        if value == "":
            mapping[key] = {}
            pending = (indent, mapping[key])
        else:
            mapping[key] = parse_scalar(value, where)
    if pending is not None:
        raise UsageError(f"{path}: the last key has no value and nothing nested under it")
    return root


def load_params(path, seed_override):
    """Params from a YAML-subset or JSON file over the defaults, checked, with --seed applied."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise UsageError(f"cannot read params file {path}: {error.strerror}") from None
    if path.endswith(".json") or text.lstrip().startswith("{"):
        try:
            loaded = json.loads(text)
        except ValueError as error:
            raise UsageError(f"{path}: not valid JSON: {error}") from None
    else:
        loaded = parse_simple_yaml(text, path)
    if not isinstance(loaded, dict):
        raise UsageError(f"{path}: expected a mapping at the top level")

    params = {section: dict(values) for section, values in DEFAULT_PARAMS.items()}
    for section, values in loaded.items():
        if section not in params:
            raise UsageError(f"{path}: unknown section {section!r} (known: {', '.join(params)})")
        if not isinstance(values, dict):
            raise UsageError(f"{path}: {section} must be a mapping")
        for key, value in values.items():
            if key not in params[section]:
                known = ", ".join(params[section])
                raise UsageError(f"{path}: unknown param {section}.{key} (known: {known})")
            params[section][key] = value
    if seed_override is not None:
        params["train"]["seed"] = seed_override

    def number(section, key, kind, low, high, low_open=False):
        value = params[section][key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(f"{path}: {section}.{key} must be a number, got {value!r}")
        if kind is int and value != int(value):
            raise UsageError(f"{path}: {section}.{key} must be a whole number, got {value!r}")
        if value < low or (low_open and value == low) or (high is not None and value >= high):
            bound = f"between {low} and {high}" if high is not None else f"{'above' if low_open else 'at least'} {low}"
            raise UsageError(f"{path}: {section}.{key} must be {bound}, got {value!r}")
        params[section][key] = kind(value)

    number("train", "epochs", int, 1, None)
    number("train", "batch_size", int, 1, None)
    number("train", "learning_rate", float, 0, None, low_open=True)
    number("train", "l2", float, 0, None)
    number("train", "seed", int, -(2**63), 2**63)
    number("data", "test_fraction", float, 0, 1, low_open=True)
    if not isinstance(params["data"]["label"], str) or not params["data"]["label"]:
        raise UsageError(f"{path}: data.label must be a column name")
    return params


# ---------------------------------------------------------------- data


def load_table(path, label):
    """Feature names, feature rows and 0/1 labels from a CSV whose columns are all numbers."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except OSError as error:
        raise UsageError(f"cannot read data file {path}: {error.strerror}") from None
    if not rows:
        raise UsageError(f"{path}: empty file")
    header = rows[0]
    if label not in header:
        raise UsageError(f"{path}: no label column {label!r} (columns: {', '.join(header)})")
    label_at = header.index(label)
    features = [name for index, name in enumerate(header) if index != label_at]
    x, y = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise UsageError(f"{path}:{number}: {len(row)} fields, the header has {len(header)}")
        try:
            values = [float(cell) for cell in row]
        except ValueError:
            raise UsageError(f"{path}:{number}: every field must be a number") from None
        if values[label_at] not in (0.0, 1.0):
            raise UsageError(f"{path}:{number}: label {label} must be 0 or 1, got {row[label_at]}")
        y.append(int(values[label_at]))
        x.append([value for index, value in enumerate(values) if index != label_at])
    if len(x) < 10:
        raise UsageError(f"{path}: only {len(x)} rows; need at least 10")
    return features, x, y


def split(x, y, test_fraction):
    """Train and test parts, shuffled with the fixed split seed."""
    order = list(range(len(x)))
    random.Random(SPLIT_SEED).shuffle(order)
    test_size = max(1, min(len(x) - 1, round(len(x) * test_fraction)))
    test, train = order[:test_size], order[test_size:]
    return [x[i] for i in train], [y[i] for i in train], [x[i] for i in test], [y[i] for i in test]


def standardizer(x):
    """Per-feature means and standard deviations of the training rows (1 for a constant feature)."""
    count = len(x)
    means = [sum(row[j] for row in x) / count for j in range(len(x[0]))]
    stds = []
    for j, mean in enumerate(means):
        std = math.sqrt(sum((row[j] - mean) ** 2 for row in x) / count)
        stds.append(std if std > 0 else 1.0)
    return means, stds


def standardize(x, means, stds):
    return [[(value - mean) / std for value, mean, std in zip(row, means, stds)] for row in x]


# ---------------------------------------------------------------- model


def sigmoid(z):
    # Two branches so exp never overflows.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def predict(weights, bias, x):
    return [sigmoid(bias + sum(w * v for w, v in zip(weights, row))) for row in x]


def log_loss(probabilities, y):
    eps = 1e-12
    total = 0.0
    for p, label in zip(probabilities, y):
        p = min(max(p, eps), 1 - eps)
        total -= math.log(p) if label else math.log(1 - p)
    return total / len(y)


def accuracy(probabilities, y):
    return sum((p >= 0.5) == bool(label) for p, label in zip(probabilities, y)) / len(y)


def auc(probabilities, y):
    """Area under the ROC curve: the chance a random positive scores above a random negative (ties half)."""
    ranked = sorted(zip(probabilities, y))
    positives = sum(y)
    negatives = len(y) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end + 1 < len(ranked) and ranked[end + 1][0] == ranked[index][0]:
            end += 1
        average_rank = (index + end) / 2 + 1  # 1-based, ties share their mean rank
        rank_sum += average_rank * sum(label for _, label in ranked[index : end + 1])
        index = end + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def classification_metrics(probabilities, y):
    predicted = [1 if p >= 0.5 else 0 for p in probabilities]
    tp = sum(1 for p, t in zip(predicted, y) if p == 1 and t == 1)
    fp = sum(1 for p, t in zip(predicted, y) if p == 1 and t == 0)
    fn = sum(1 for p, t in zip(predicted, y) if p == 0 and t == 1)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": accuracy(probabilities, y),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "loss": log_loss(probabilities, y),
        "auc": auc(probabilities, y),
    }


def train(x, y, params, on_epoch):
    """Mini-batch gradient descent on the L2-regularised log loss; calls on_epoch after each epoch."""
    settings = params["train"]
    rng = random.Random(settings["seed"])
    features = len(x[0])
    weights = [rng.gauss(0.0, 0.01) for _ in range(features)]
    bias = 0.0
    rate, l2, batch_size = settings["learning_rate"], settings["l2"], settings["batch_size"]
    order = list(range(len(x)))
    for epoch in range(1, settings["epochs"] + 1):
        rng.shuffle(order)
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            grad_w = [0.0] * features
            grad_b = 0.0
            for i in batch:
                row = x[i]
                error = sigmoid(bias + sum(w * v for w, v in zip(weights, row))) - y[i]
                grad_b += error
                for j in range(features):
                    grad_w[j] += error * row[j]
            scale = rate / len(batch)
            weights = [w - scale * g - rate * l2 * w for w, g in zip(weights, grad_w)]
            bias -= scale * grad_b
        on_epoch(epoch, weights, bias)
    return weights, bias


# ---------------------------------------------------------------- output


def rounded(value):
    # Six decimals: plenty for a comparison, and the files stay readable.
    return round(value, 6) if math.isfinite(value) else value


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Train the churn classifier (logistic regression).")
    parser.add_argument("--params", default=os.path.join(HERE, "params.yaml"), help="params file, YAML subset or JSON")
    parser.add_argument("--data", default=os.path.join(HERE, "data", "churn.csv"), help="training table (CSV)")
    parser.add_argument("--out", default=os.path.join(HERE, "out"), help="output folder")
    parser.add_argument("--seed", type=int, help="training seed; overrides train.seed")
    args = parser.parse_args(argv)

    try:
        params = load_params(args.params, args.seed)
        names, x_all, y_all = load_table(args.data, params["data"]["label"])
    except UsageError as error:
        print(f"train.py: error: {error}", file=sys.stderr)
        return 2

    x_raw, y, x_val_raw, y_val = split(x_all, y_all, params["data"]["test_fraction"])
    means, stds = standardizer(x_raw)
    x, x_val = standardize(x_raw, means, stds), standardize(x_val_raw, means, stds)
    settings = params["train"]
    print(
        f"training on {len(x)} rows, testing on {len(x_val)}, {len(names)} features; "
        f"epochs={settings['epochs']} learning_rate={settings['learning_rate']} "
        f"batch_size={settings['batch_size']} l2={settings['l2']} seed={settings['seed']}"
    )

    history = ["step,loss,accuracy,val_loss,val_accuracy\n"]

    def on_epoch(epoch, weights, bias):
        p, p_val = predict(weights, bias, x), predict(weights, bias, x_val)
        row = [log_loss(p, y), accuracy(p, y), log_loss(p_val, y_val), accuracy(p_val, y_val)]
        history.append(",".join([str(epoch)] + [repr(rounded(v)) for v in row]) + "\n")
        if epoch == 1 or epoch % 10 == 0 or epoch == settings["epochs"]:
            print(f"epoch {epoch:3d}  loss {row[0]:.4f}  accuracy {row[1]:.4f}  val_loss {row[2]:.4f}  val_accuracy {row[3]:.4f}")

    weights, bias = train(x, y, params, on_epoch)

    test = classification_metrics(predict(weights, bias, x_val), y_val)
    p_train = predict(weights, bias, x)
    metrics = {name: rounded(value) for name, value in test.items()}
    metrics["train"] = {"loss": rounded(log_loss(p_train, y)), "accuracy": rounded(accuracy(p_train, y))}
    model = {
        "kind": "logistic-regression",
        "label": params["data"]["label"],
        "features": names,
        "weights": weights,
        "bias": bias,
        "means": means,
        "stds": stds,
        "threshold": 0.5,
        "params": params,
    }

    out = os.path.abspath(args.out)
    # An undefined metric (auc of a one-class test split) is written as NaN, as Python does; it is
    # kept and shown downstream rather than dropped.
    write_text(os.path.join(out, "metrics.json"), json.dumps(metrics, indent=2) + "\n")
    write_text(os.path.join(out, "history.csv"), "".join(history))
    write_text(os.path.join(out, "model", "model.json"), json.dumps(model, indent=2) + "\n")
    print("test: " + "  ".join(f"{name} {value:.4f}" for name, value in test.items()))
    print(f"wrote metrics.json, history.csv and model/model.json to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
