"""What TensorBoard's own loader reads from the event files below a folder, for the writer
scripts to print beside what they logged: {"<run>/<tag>": {"steps": [...], "values": [...]}},
"<run>" being the sub-folder ("" for the folder itself). Scalars come from simple_value or from
a one-element float tensor, as TensorBoard's scalars plugin takes them."""

import os

from tensorboard.backend.event_processing.event_file_loader import EventFileLoader
from tensorboard.util import tensor_util


def read_scalars(folder):
    scalars = {}
    for directory, _, files in sorted(os.walk(folder)):
        run = os.path.relpath(directory, folder).replace(os.sep, "/")
        for name in sorted(files):
            if not name.startswith("events.out.tfevents."):
                continue
            for event in EventFileLoader(os.path.join(directory, name)).Load():
                for value in event.summary.value:
                    kind = value.WhichOneof("value")
                    if kind == "simple_value":
                        number = value.simple_value
                    elif kind == "tensor":
                        number = float(tensor_util.make_ndarray(value.tensor).item())
                    else:
                        continue
                    key = value.tag if run == "." else f"{run}/{value.tag}"
                    series = scalars.setdefault(key, {"steps": [], "values": []})
                    series["steps"].append(event.step)
                    series["values"].append(number)
    return scalars
