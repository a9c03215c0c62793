"""A stand-in for a model serving endpoint, for promote's example and demo.

promote runs it once per rollout step, as your own deployment command would run: it reads what to
deploy from the environment (MODEL_NAME, MODEL_VERSION, TRAFFIC_PERCENT, ROLLBACK, ...), records
the deployment in examples/out/serving.jsonl, and writes the live metrics that the step is judged
on to examples/out/live-metrics.json: an error rate and a 95th-percentile latency, as a probe of
the endpoint would measure them.

A version named in BAD_VERSION (for the demo) misbehaves once it takes half the traffic or more:
its error rate climbs to 4 %, which a rule such as `error_rate <= 0.01` catches.
"""

import json
import os
import random
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")


def main() -> int:
    version = os.environ.get("MODEL_VERSION", "")
    traffic = int(os.environ.get("TRAFFIC_PERCENT", "100"))
    if not version:
        print("serve.py: MODEL_VERSION is not set; run it from promote's command", file=sys.stderr)
        return 2
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "serving.jsonl"), "a", encoding="utf-8") as log:
        entry = {
            "model": os.environ.get("MODEL_NAME", ""),
            "version": version,
            "traffic": traffic,
            "stage": os.environ.get("STAGE", ""),
            "previous": os.environ.get("PREVIOUS_VERSION", ""),
            "rollback": os.environ.get("ROLLBACK", "false") == "true",
            "uri": os.environ.get("MODEL_URI", ""),
            "digest": os.environ.get("MODEL_DIGEST", ""),
        }
        log.write(json.dumps(entry) + "\n")
    # The same version and traffic give the same figures, so a rollout is repeatable.
    rng = random.Random(f"{version}:{traffic}")
    bad = version == os.environ.get("BAD_VERSION", "") and traffic >= 50
    error_rate = 0.04 + rng.random() * 0.01 if bad else 0.002 + rng.random() * 0.003
    latency = 120 + rng.random() * 40 + (traffic / 100) * 30
    with open(os.path.join(OUT, "live-metrics.json"), "w", encoding="utf-8") as out:
        json.dump({"error_rate": round(error_rate, 5), "p95_latency_ms": round(latency, 1)}, out)
    print(f"serving {entry['model']} v{version} to {traffic} % of {entry['stage']} traffic; error rate {error_rate:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
