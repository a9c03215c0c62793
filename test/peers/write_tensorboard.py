"""Writes TensorBoard event files with TensorBoard's own framework-free writer
(tensorboard.summary.Writer, which stores each scalar as a one-element tensor, as TensorFlow 2
does) into FOLDER, plus a file of float64 tensors through its EventFileWriter, and prints
{"logged": {key: count}, "read": <what TensorBoard's loader reads back>}."""

import json
import os
import sys

import numpy as np
from tensorboard.compat.proto import event_pb2
from tensorboard.summary import Writer
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.util import tensor_util

from tensorboard_reading import read_scalars

folder = sys.argv[1]
logged = {}

writer = Writer(folder)
for step in range(0, 30):
    writer.add_scalar("epoch_loss", 2.0 / (step + 1), step)
    writer.add_scalar("metrics/auc", 0.6 + step / 100, step * 10)
logged["epoch_loss"] = 30
logged["metrics/auc"] = 30
writer.close()

doubles = EventFileWriter(os.path.join(folder, "validation"))
for step in range(0, 12):
    event = event_pb2.Event(wall_time=1700000000.0 + step, step=step)
    event.summary.value.add(tag="epoch_accuracy", tensor=tensor_util.make_tensor_proto(np.float64(0.7 + step / 1000)))
    doubles.add_event(event)
logged["validation/epoch_accuracy"] = 12
doubles.close()

print(json.dumps({"logged": logged, "read": read_scalars(folder)}))
