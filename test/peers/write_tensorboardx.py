"""Writes TensorBoard event files with tensorboardX's SummaryWriter into FOLDER and prints, as
JSON, {"logged": {key: count}, "read": <what TensorBoard's loader reads back>} (see
tensorboard_reading.py for the keys).

Cases: add_scalar over steps; tags with "/" in their names; add_scalars, which keeps one writer
per series in a sub-folder "<main_tag>/<series>"; a writer left open when the process ends (its
flushed events are on disk, the rest lost), and a copy of a file cut in its last record, as a
killed job leaves it.
"""

import json
import os
import shutil
import sys
import time

from tensorboardX import SummaryWriter

from tensorboard_reading import read_scalars

folder = sys.argv[1]
logged = {}


def count(key):
    logged[key] = logged.get(key, 0) + 1


main = SummaryWriter(logdir=folder)
for step in range(0, 50):
    main.add_scalar("loss", 1.0 / (step + 1), step)
    count("loss")
    main.add_scalar("train/loss", 1.1 / (step + 1), step)
    count("train/loss")
    if step % 5 == 0:
        main.add_scalar("eval/accuracy/top1", 0.5 + step / 100, step)
        count("eval/accuracy/top1")
for step in range(0, 10):
    main.add_scalars("lr", {"warmup": 0.001 * step, "decay": 0.01 / (step + 1)}, step)
    count("lr/warmup/lr")
    count("lr/decay/lr")
main.close()

# The same file, cut 7 bytes into its last record.
main_file = next(name for name in sorted(os.listdir(folder)) if name.startswith("events.out.tfevents."))
os.makedirs(os.path.join(folder, "killed"))
cut = os.path.join(folder, "killed", main_file)
shutil.copyfile(os.path.join(folder, main_file), cut)
os.truncate(cut, os.path.getsize(cut) - 7)

open_writer = SummaryWriter(logdir=os.path.join(folder, "unflushed"), flush_secs=3600)
for step in range(0, 5):
    open_writer.add_scalar("grad_norm", 2.0 + step, step)
    count("unflushed/grad_norm")
time.sleep(1)  # the writer thread takes queued events to the file object asynchronously
open_writer.flush()
open_writer.add_scalar("grad_norm", 99.0, 5)

print(json.dumps({"logged": logged, "read": read_scalars(folder)}))
sys.stdout.flush()
os._exit(0)  # leave without closing the open writer, as a killed job would
